package io.coffer.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Percentiles of one HdrHistogram of microsecond latencies, in milliseconds, for the JSON result and the log. */
final class LatencySummary {

    private LatencySummary() {
    }

    static Map<String, Object> of(Histogram h, double seconds) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", h.getTotalCount());
        out.put("throughput_per_s", round(h.getTotalCount() / Math.max(seconds, 1e-9)));
        out.put("p50_ms", ms(h.getValueAtPercentile(50)));
        out.put("p90_ms", ms(h.getValueAtPercentile(90)));
        out.put("p99_ms", ms(h.getValueAtPercentile(99)));
        out.put("p99_9_ms", ms(h.getValueAtPercentile(99.9)));
        out.put("max_ms", ms(h.getMaxValue()));
        out.put("mean_ms", round(h.getMean() / 1000.0));
        return out;
    }

    static String line(String name, Histogram h, double seconds) {
        return String.format("%-5s %9.0f req/s  p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  (n=%d)",
                name, h.getTotalCount() / Math.max(seconds, 1e-9), ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)),
                h.getTotalCount());
    }

    private static double ms(long micros) {
        return round(micros / 1000.0);
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
