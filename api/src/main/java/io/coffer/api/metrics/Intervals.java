package io.coffer.api.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * go-metrics' in-memory sink as Vault sets it up (10 s intervals, one minute retained): counters and timer samples
 * are aggregated per interval, and the JSON dump shows the most recent finished interval, or the current one when
 * it is the only one. Thread-safe.
 */
final class Intervals {

    static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final int RETAINED = 6;

    private final Clock clock;
    private final ArrayDeque<Interval> intervals = new ArrayDeque<>();

    Intervals(Clock clock) {
        this.clock = clock;
    }

    /**
     * One aggregated series of the displayed interval (go-metrics' {@code SampledValue}).
     *
     * @param name dotted name
     */
    record Row(String name, long count, double rate, double sum, double min, double max, double mean,
               double stddev) {
    }

    /**
     * What the JSON dump shows.
     *
     * @param start    start of the displayed interval
     * @param counters counters, sorted by name
     * @param samples  timer samples, sorted by name
     */
    record View(Instant start, List<Row> counters, List<Row> samples) {
    }

    synchronized void sample(String name, double value) {
        current().samples.computeIfAbsent(name, n -> new Aggregate()).ingest(value);
    }

    synchronized void counter(String name, double value) {
        current().counters.computeIfAbsent(name, n -> new Aggregate()).ingest(value);
    }

    synchronized View view() {
        current();
        Interval shown = intervals.size() == 1 ? intervals.getLast()
                : new ArrayList<>(intervals).get(intervals.size() - 2);
        return new View(shown.start, rows(shown.counters), rows(shown.samples));
    }

    private Interval current() {
        long width = INTERVAL.toMillis();
        Instant start = Instant.ofEpochMilli(Math.floorDiv(clock.millis(), width) * width);
        if (intervals.isEmpty() || !intervals.getLast().start.equals(start)) {
            intervals.addLast(new Interval(start));
            while (intervals.size() > RETAINED) {
                intervals.removeFirst();
            }
        }
        return intervals.getLast();
    }

    private static List<Row> rows(Map<String, Aggregate> series) {
        List<Row> out = new ArrayList<>(series.size());
        series.forEach((name, a) -> out.add(new Row(name, a.count, a.sum / INTERVAL.toSeconds(), a.sum, a.min,
                a.max, a.mean(), a.stddev())));
        return out;
    }

    private static final class Interval {
        private final Instant start;
        private final Map<String, Aggregate> counters = new TreeMap<>();
        private final Map<String, Aggregate> samples = new TreeMap<>();

        private Interval(Instant start) {
            this.start = start;
        }
    }

    /** go-metrics' {@code AggregateSample}. */
    private static final class Aggregate {
        private long count;
        private double sum;
        private double sumSq;
        private double min;
        private double max;

        void ingest(double value) {
            count++;
            sum += value;
            sumSq += value * value;
            if (count == 1 || value < min) {
                min = value;
            }
            if (count == 1 || value > max) {
                max = value;
            }
        }

        double mean() {
            return count == 0 ? 0 : sum / count;
        }

        double stddev() {
            double div = (double) count * (count - 1);
            if (div == 0) {
                return 0;
            }
            return Math.sqrt((count * sumSq - sum * sum) / div);
        }
    }
}
