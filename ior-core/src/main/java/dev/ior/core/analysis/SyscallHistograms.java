package dev.ior.core.analysis;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * Exact latency and gap histograms per syscall (HdrHistogram, two significant
 * digits: within 1 %), for the syscall table and the Latency + Gaps tab when no key
 * frame narrows the view. Gaps of 0 (no earlier call on the thread) are left out.
 */
final class SyscallHistograms {

    private static final int DIGITS = 2;

    private Histogram[] latency = new Histogram[64];
    private Histogram[] gap = new Histogram[64];

    void record(int syscall, long latencyNs, long gapNs) {
        if (syscall >= latency.length) {
            latency = Arrays.copyOf(latency, Math.max(syscall + 1, latency.length * 2));
            gap = Arrays.copyOf(gap, latency.length);
        }
        Histogram l = latency[syscall];
        if (l == null) {
            l = latency[syscall] = new Histogram(DIGITS);
            gap[syscall] = new Histogram(DIGITS);
        }
        l.recordValue(Math.max(0, latencyNs));
        if (gapNs > 0) {
            gap[syscall].recordValue(gapNs);
        }
    }

    /** The latency histogram of {@code syscall}, or null if none was seen. */
    Histogram latency(int syscall) {
        return syscall < latency.length ? latency[syscall] : null;
    }

    /** The gap histogram of {@code syscall}, or null if none was seen. */
    Histogram gap(int syscall) {
        return syscall < gap.length ? gap[syscall] : null;
    }

    /** All syscalls' latencies (or gaps) together. */
    Histogram merged(boolean gaps) {
        Histogram all = new Histogram(DIGITS);
        for (Histogram h : gaps ? gap : latency) {
            if (h != null) {
                all.add(h);
            }
        }
        return all;
    }

    static Histogram newHistogram() {
        return new Histogram(DIGITS);
    }
}
