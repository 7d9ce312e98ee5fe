package dev.ior.tui;

import dev.ior.core.TraceSettings;
import dev.ior.core.flame.FlameMetric;
import dev.ior.core.flame.FlameOrder;
import dev.ior.core.source.EventSource;
import java.time.Duration;
import java.util.Objects;

/**
 * How the dashboard starts.
 *
 * @param trace       what to trace: kernel-side filters, probes, ring size
 * @param source      where events come from; null for the live kernel
 * @param pickProcess whether to open the PID picker first (live, when no pid, tid or comm was given)
 * @param order       the flamegraph's first ordering
 * @param metric      the flamegraph's first metric
 * @param duration    how long to run before quitting by itself; null = until q
 */
public record DashboardOptions(TraceSettings trace, EventSource source, boolean pickProcess, FlameOrder order,
                               FlameMetric metric, Duration duration) {

    public DashboardOptions {
        Objects.requireNonNull(trace);
        Objects.requireNonNull(order);
        Objects.requireNonNull(metric);
    }

    /** A live dashboard tracing with {@code trace}, picking a process first unless the filters name one. */
    public static DashboardOptions live(TraceSettings trace) {
        var filter = trace.filter();
        boolean named = !filter.pids().isEmpty() || filter.tid() != 0 || !filter.comm().isEmpty();
        return new DashboardOptions(trace, null, !named, FlameOrder.DEFAULT, FlameMetric.COUNT, null);
    }

    /**
     * A dashboard over {@code events} (a recording being replayed): no picker, and the
     * PID, TID and probe pickers, which act on the kernel, are off.
     */
    public static DashboardOptions replay(EventSource events) {
        return new DashboardOptions(TraceSettings.DEFAULT, Objects.requireNonNull(events), false,
                FlameOrder.DEFAULT, FlameMetric.COUNT, null);
    }

    /** These options with the flamegraph starting at {@code newOrder} and {@code newMetric}. */
    public DashboardOptions withFlame(FlameOrder newOrder, FlameMetric newMetric) {
        return new DashboardOptions(trace, source, pickProcess, newOrder, newMetric, duration);
    }

    /** These options tracing with {@code newTrace} (the process picked, say). */
    public DashboardOptions withTrace(TraceSettings newTrace) {
        return new DashboardOptions(newTrace, source, pickProcess, order, metric, duration);
    }

    /** These options quitting by themselves after {@code limit} (null: never). */
    public DashboardOptions withDuration(Duration limit) {
        return new DashboardOptions(trace, source, pickProcess, order, metric, limit);
    }

    /** Whether events come from the live kernel. */
    public boolean live() {
        return source == null;
    }
}
