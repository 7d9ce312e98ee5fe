package dev.ior.tui.render;

import java.util.Locale;

/**
 * How the dashboard writes numbers: counts in full with thousands separators, rates
 * and sizes in three significant digits, durations in the filter language's spelling
 * ({@code 850ns}, {@code 12.5us}, {@code 1.23ms}, {@code 2.10s}) so that a value seen in
 * a cell can be typed back as a filter.
 */
public final class Units {

    private Units() {
    }

    /** {@code 1,234,567}. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Events per second: {@code 950}, {@code 12.3k}, {@code 1.20M}. */
    public static String rate(double perSecond) {
        if (perSecond < 1_000) {
            return perSecond < 10 && perSecond > 0 && perSecond != Math.floor(perSecond)
                    ? String.format(Locale.ROOT, "%.1f", perSecond) : Long.toString(Math.round(perSecond));
        }
        return scaled(perSecond, 1_000, new String[] {"", "k", "M", "G"});
    }

    /** Bytes: {@code 512B}, {@code 1.50KiB}, {@code 12.0MiB}. */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + "B";
        }
        return scaled(bytes, 1024, new String[] {"B", "KiB", "MiB", "GiB", "TiB", "PiB"});
    }

    /** A duration in nanoseconds: {@code 0}, {@code 850ns}, {@code 12.5us}, {@code 1.23ms}, {@code 2.10s}. */
    public static String duration(long nanos) {
        if (nanos == 0) {
            return "0";
        }
        if (nanos < 1_000) {
            return nanos + "ns";
        }
        if (nanos < 1_000_000) {
            return significant(nanos / 1e3) + "us";
        }
        if (nanos < 1_000_000_000) {
            return significant(nanos / 1e6) + "ms";
        }
        return significant(nanos / 1e9) + "s";
    }

    /** A share: {@code 12.3%}. */
    public static String percent(long part, long whole) {
        return whole <= 0 ? "0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    private static String scaled(double value, double step, String[] units) {
        int unit = 0;
        while (value >= step && unit < units.length - 1) {
            value /= step;
            unit++;
        }
        return significant(value) + units[unit];
    }

    /** Three significant digits, rounding down (a threshold typed from it never excludes the value). */
    private static String significant(double value) {
        if (value >= 100) {
            return Long.toString((long) Math.floor(value));
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", Math.floor(value * 10) / 10);
        }
        return String.format(Locale.ROOT, "%.2f", Math.floor(value * 100) / 100);
    }
}
