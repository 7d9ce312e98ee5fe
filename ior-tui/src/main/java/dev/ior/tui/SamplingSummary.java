package dev.ior.tui;

import dev.ior.core.SyscallSampling;
import dev.ior.tui.render.Units;
import java.util.List;
import java.util.StringJoiner;

/**
 * The health line's account of sampling: per sampled syscall its rate and the kernel's
 * exact totals ({@code sampled: read 1/10 (10,023 calls, 1,002 traced)}), compacted to
 * one sum when the syscalls do not fit.
 */
final class SamplingSummary {

    private SamplingSummary() {
    }

    /** The summary of {@code totals} in at most {@code columns} characters; "" when nothing is sampled. */
    static String of(List<SyscallSampling> totals, int columns) {
        if (totals.isEmpty()) {
            return "";
        }
        StringJoiner each = new StringJoiner(", ", "sampled: ", "");
        long calls = 0;
        long traced = 0;
        for (SyscallSampling s : totals) {
            each.add(s.syscall().name() + " " + (s.rate() == 0 ? "0" : "1/" + s.rate()) + " (" + figures(s.calls(),
                    s.traced()) + ")");
            calls += s.calls();
            traced += s.traced();
        }
        if (each.length() <= columns) {
            return each.toString();
        }
        String sum = "sampled: " + totals.size() + " syscalls (" + figures(calls, traced) + ")";
        return sum.length() <= columns ? sum : "sampled: " + totals.size() + " syscalls";
    }

    private static String figures(long calls, long traced) {
        return Units.count(calls) + " calls, " + (traced == 0 ? "counted only" : Units.count(traced) + " traced");
    }
}
