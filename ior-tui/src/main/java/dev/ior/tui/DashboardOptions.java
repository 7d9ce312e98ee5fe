package dev.ior.tui;

import dev.ior.core.TraceSettings;
import dev.ior.core.flame.FlameMetric;
import dev.ior.core.flame.FlameOrder;
import dev.ior.core.source.EventSource;
import java.util.Objects;

/**
 * How the dashboard starts.
 *
 * @param trace       what to trace: kernel-side filters, probes, ring size
 * @param source      where events come from; null for the live kernel
 * @param pickProcess whether to open the PID picker first (live, when no pid, tid or comm was given)
 * @param order       the flamegraph's first ordering
 * @param metric      the flamegraph's first metric
 */
public record DashboardOptions(TraceSettings trace, EventSource source, boolean pickProcess, FlameOrder order,
                               FlameMetric metric) {

    public DashboardOptions {
        Objects.requireNonNull(trace);
        Objects.requireNonNull(order);
        Objects.requireNonNull(metric);
    }

    /** A live dashboard tracing with {@code trace}, picking a process first unless the filters name one. */
    public static DashboardOptions live(TraceSettings trace) {
        var filter = trace.filter();
        boolean named = !filter.pids().isEmpty() || filter.tid() != 0 || !filter.comm().isEmpty();
        return new DashboardOptions(trace, null, !named, FlameOrder.DEFAULT, FlameMetric.COUNT);
    }

    /**
     * A dashboard over {@code events} (a recording being replayed): no picker, and the
     * PID, TID and probe pickers, which act on the kernel, are off.
     */
    public static DashboardOptions replay(EventSource events) {
        return new DashboardOptions(TraceSettings.DEFAULT, Objects.requireNonNull(events), false,
                FlameOrder.DEFAULT, FlameMetric.COUNT);
    }

    /** These options with the flamegraph starting at {@code newOrder} and {@code newMetric}. */
    public DashboardOptions withFlame(FlameOrder newOrder, FlameMetric newMetric) {
        return new DashboardOptions(trace, source, pickProcess, newOrder, newMetric);
    }

    /** Whether events come from the live kernel. */
    public boolean live() {
        return source == null;
    }
}
