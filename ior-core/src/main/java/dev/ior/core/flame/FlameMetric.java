package dev.ior.core.flame;

import dev.ior.core.IorException;
import java.util.Locale;

/** What a flamegraph bar's width measures. */
public enum FlameMetric {
    /** Events. */
    COUNT,
    /** Bytes read and written. */
    BYTES;

    /** The name in options and the toolbar. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The metric after this one (the dashboard's toggle). */
    public FlameMetric next() {
        return values()[(ordinal() + 1) % values().length];
    }

    /**
     * The metric named {@code name}: count or bytes.
     *
     * @throws IorException (usage) naming the accepted names
     */
    public static FlameMetric of(String name) {
        for (FlameMetric metric : values()) {
            if (metric.label().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return metric;
            }
        }
        throw new IorException("unknown flamegraph metric \"" + name.strip() + "\" (use count or bytes)",
                IorException.USAGE_ERROR, null);
    }
}
