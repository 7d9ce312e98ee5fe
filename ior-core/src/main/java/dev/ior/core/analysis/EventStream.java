package dev.ior.core.analysis;

import dev.ior.core.EventRecord;
import dev.ior.core.pipeline.InternedEvent;
import dev.ior.core.text.HeldIds;
import java.util.List;

/**
 * The live tail: the last N events that pass the filter stack. All events go to one
 * ring; while frames are pushed, the passing ones also go to a second. Pushing a
 * frame narrows the tail at once (events already held are filtered); popping one
 * widens it again with every held event that passes the wider stack, so the tail is
 * always the last N passing events that ior still holds.
 */
final class EventStream {

    private final int capacity;
    private final StreamRing all;
    private StreamRing matching;

    EventStream(int capacity) {
        this.capacity = capacity;
        this.all = new StreamRing(capacity);
    }

    void add(InternedEvent event, boolean passes) {
        all.add(event);
        if (matching != null && passes) {
            matching.add(event);
        }
    }

    /** A frame was pushed: {@code stack} is the new, narrower test. */
    void narrowed(StreamRing.EntryTest stack) {
        matching = (matching != null ? matching : all).filtered(stack);
    }

    /** A frame was popped: {@code stack} is the new, wider test, null when no frame is left. */
    void widened(StreamRing.EntryTest stack) {
        if (stack == null) {
            matching = null;
            return;
        }
        StreamRing wider = new StreamRing(capacity);
        long oldestHeld = all.oldestSeq();
        wider.addPassing(matching, (ring, i) -> true, oldestHeld); // older than the all-ring reaches
        wider.addPassing(all, stack, Long.MAX_VALUE);
        matching = wider;
    }

    void markHeld(HeldIds held) {
        all.markHeld(held);
        if (matching != null) {
            matching.markHeld(held);
        }
    }

    List<EventRecord> records(Names names) {
        return (matching != null ? matching : all).records(names);
    }
}
