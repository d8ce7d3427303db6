package dev.interviewcoach.bench;

import java.util.Arrays;

/** Latencies of one phase, in nanoseconds, kept whole so percentiles are exact (a phase has thousands, not millions). */
// Not HdrHistogram: it reports a bucket's upper edge (p50 of 1..100 ms reads 50.004 ms), and finer buckets cost
// megabytes per histogram in the JVM whose heap the load harness reports.
final class Latencies {

    private long[] values = new long[4096];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized int count() {
        return size;
    }

    /** The nearest-rank percentile in milliseconds ({@code p} in 0..100), or NaN with no samples. */
    synchronized double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1_000_000.0;
    }
}
