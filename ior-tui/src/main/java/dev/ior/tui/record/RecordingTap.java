package dev.ior.tui.record;

import dev.ior.core.IorEvent;
import dev.ior.core.record.ParquetRecorder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Hands the events that pass the filter stack to the recorder being written, on the
 * session's reading thread. A recorder may only be fed from that thread, so stopping
 * is a request: the reading thread lets go of the recorder at its next event or flush,
 * and only then may another thread finish the file. Nothing blocks the reading thread.
 */
final class RecordingTap implements Consumer<IorEvent> {

    private volatile ParquetRecorder target;
    private volatile CompletableFuture<ParquetRecorder> released;
    private final AtomicLong events = new AtomicLong();

    /** Starts feeding {@code recorder} (the previous one must have been released). */
    void attach(ParquetRecorder recorder) {
        events.set(0);
        released = null;
        target = recorder;
    }

    /** Asks the reading thread to let go; the future completes once it no longer feeds the recorder. */
    CompletableFuture<ParquetRecorder> release() {
        CompletableFuture<ParquetRecorder> future = new CompletableFuture<>();
        released = future;
        return future;
    }

    /**
     * Lets go from the calling thread: only once the session has stopped reading, when
     * no event or flush will come to do it.
     */
    void releaseNow() {
        CompletableFuture<ParquetRecorder> future = released;
        ParquetRecorder recorder = target;
        target = null;
        if (future != null) {
            future.complete(recorder);
        }
    }

    /** Events handed to the recorder being written. */
    long events() {
        return events.get();
    }

    @Override
    public void accept(IorEvent event) {
        ParquetRecorder recorder = target;
        if (recorder == null) {
            return;
        }
        if (released != null) {
            releaseNow();
            return;
        }
        recorder.accept(event);
        events.lazySet(events.get() + 1); // one writer: no atomic add, no fence per event
    }

    /** The reading thread's periodic call: lets go if asked, even without events. */
    void flush() {
        if (target != null && released != null) {
            releaseNow();
        }
    }
}
