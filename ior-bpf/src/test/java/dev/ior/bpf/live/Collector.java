package dev.ior.bpf.live;

import dev.ior.core.EventRecord;
import dev.ior.core.IorEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Copies the events of a session that it keeps and waits for one that matches. */
final class Collector implements Consumer<IorEvent> {

    private final List<EventRecord> events = new ArrayList<>();
    private final Predicate<IorEvent> keep;

    /** Keeps every event. */
    Collector() {
        this(e -> true);
    }

    /** Keeps the events {@code keep} accepts (sessions that trace the whole host). */
    Collector(Predicate<IorEvent> keep) {
        this.keep = keep;
    }

    @Override
    public synchronized void accept(IorEvent event) {
        if (keep.test(event)) {
            events.add(event.copy());
            notifyAll();
        }
    }

    /** Waits until an event matches {@code done}, then returns every event so far. */
    synchronized List<EventRecord> until(Predicate<EventRecord> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.stream().noneMatch(done)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching event within " + timeout + "; got " + events.size()
                        + " events: " + events.stream().limit(20).toList());
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(events);
    }

    synchronized List<EventRecord> events() {
        return List.copyOf(events);
    }
}
