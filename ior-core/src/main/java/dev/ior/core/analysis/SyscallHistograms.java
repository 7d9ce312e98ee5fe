package dev.ior.core.analysis;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * Exact histograms of one quantity (latency or gap) per syscall: HdrHistogram at two
 * significant digits, so percentiles within 1 %, with the exact sum and maximum beside
 * them. Syscalls are few and their histograms stay in cache. Pipeline thread only.
 */
final class SyscallHistograms {

    private static final int DIGITS = 2;

    private Histogram[] bySyscall = new Histogram[64];
    private long[] sums = new long[64];
    private long[] maxima = new long[64];

    void record(int syscall, long value) {
        if (syscall >= bySyscall.length) {
            int capacity = Math.max(syscall + 1, bySyscall.length * 2);
            bySyscall = Arrays.copyOf(bySyscall, capacity);
            sums = Arrays.copyOf(sums, capacity);
            maxima = Arrays.copyOf(maxima, capacity);
        }
        Histogram h = bySyscall[syscall];
        if (h == null) {
            h = bySyscall[syscall] = new Histogram(DIGITS);
        }
        long v = Math.max(0, value);
        h.recordValue(v);
        sums[syscall] += v;
        if (v > maxima[syscall]) {
            maxima[syscall] = v;
        }
    }

    /** The exact sum of {@code syscall}'s values (all syscalls' when negative). */
    long sum(int syscall) {
        if (syscall >= 0) {
            return sums[syscall];
        }
        long total = 0;
        for (long s : sums) {
            total += s;
        }
        return total;
    }

    /** The exact largest value of {@code syscall} (of all syscalls when negative). */
    long max(int syscall) {
        if (syscall >= 0) {
            return maxima[syscall];
        }
        long max = 0;
        for (long m : maxima) {
            max = Math.max(max, m);
        }
        return max;
    }

    /** The histogram of {@code syscall}, or null if none was seen. */
    Histogram of(int syscall) {
        return syscall < bySyscall.length ? bySyscall[syscall] : null;
    }

    /** The ids of the syscalls seen. */
    int[] syscalls() {
        int[] ids = new int[bySyscall.length];
        int n = 0;
        for (int id = 0; id < bySyscall.length; id++) {
            if (bySyscall[id] != null) {
                ids[n++] = id;
            }
        }
        return Arrays.copyOf(ids, n);
    }

    /** All syscalls together. */
    Histogram merged() {
        Histogram all = new Histogram(DIGITS);
        for (Histogram h : bySyscall) {
            if (h != null) {
                all.add(h);
            }
        }
        return all;
    }
}
