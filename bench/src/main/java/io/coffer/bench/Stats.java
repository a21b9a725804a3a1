package io.coffer.bench;

import java.util.Arrays;

/** Median and max of small samples. */
final class Stats {

    private Stats() {
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return -1;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(-1);
    }
}
