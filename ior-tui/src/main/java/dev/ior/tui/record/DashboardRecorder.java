package dev.ior.tui.record;

import dev.ior.core.HostInfo;
import dev.ior.core.IorException;
import dev.ior.core.IorSession;
import dev.ior.core.TraceSettings;
import dev.ior.core.filter.FilterStack;
import dev.ior.core.record.ParquetRecorder;
import dev.ior.core.record.RecordingMetadata;
import dev.ior.core.record.RecordingOptions;
import dev.ior.tui.render.Units;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The dashboard's R: records the events that pass the filter stack to Parquet
 * ({@code ior-<host>-<time>.parquet} in the working directory), with the same writer
 * and metadata as {@code ior record}. Finishing a file (its last row group and footer)
 * happens off the dashboard's thread and never on the reading thread.
 */
public final class DashboardRecorder {

    /** What the health line says about recording. */
    public record Status(String text, boolean active, boolean failed) {
    }

    private final IorSession session;
    private final Path directory;
    private final RecordingTap tap = new RecordingTap();
    private volatile ParquetRecorder recorder;
    private volatile Path file;
    private volatile CompletableFuture<Void> finishing = CompletableFuture.completedFuture(null);
    private volatile String outcome = "";
    private volatile boolean failed;

    /** A recorder for {@code session}, which must not have started yet: it taps its filtered events. */
    public DashboardRecorder(IorSession session, Path directory) {
        this.session = session;
        this.directory = directory;
        session.onFilteredEvent(tap);
        session.onFlush(tap::flush);
    }

    /** Whether a recording is being written. */
    public boolean recording() {
        return recorder != null;
    }

    /**
     * Starts recording what passes {@code view} from now on, tracing with {@code settings}.
     *
     * @return the file
     * @throws IorException when the file cannot be created or the last one is still being finished
     */
    public Path start(TraceSettings settings, FilterStack view) {
        if (recorder != null || !finishing.isDone()) {
            throw new IorException("the last recording is still being finished");
        }
        Map<String, String> metadata = new HashMap<>(RecordingMetadata.atStart("dashboard", settings));
        metadata.put(RecordingMetadata.VIEW_FILTER, view.text());
        ParquetRecorder started = ParquetRecorder.start(RecordingOptions.to(directory, HostInfo.hostname(),
                metadata), () -> RecordingMetadata.atEnd(session));
        file = started.files().getFirst();
        recorder = started;
        outcome = "";
        failed = false;
        tap.attach(started);
        return file;
    }

    /** Stops recording; the file is finished in the background ({@link #status()} says when). */
    public void stop() {
        ParquetRecorder stopping = recorder;
        if (stopping == null) {
            return;
        }
        CompletableFuture<ParquetRecorder> released = tap.release();
        finishing = CompletableFuture.runAsync(() -> finish(stopping, released),
                r -> Thread.ofPlatform().name("ior-recording-finish").daemon(true).start(r));
        recorder = null; // after finishing is set: the status goes from REC straight to finishing
    }

    /** Stops recording (if it runs) and waits until the file is finished, at most {@code timeout}. */
    public void finish(Duration timeout) {
        stop();
        try {
            finishing.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the status says what happened; the file holds what was written
        }
    }

    /** The line for the health bar. */
    public Status status() {
        ParquetRecorder active = recorder;
        if (active != null) {
            Throwable failure = active.failure();
            if (failure != null) {
                return new Status("recording failed: " + failure.getMessage(), false, true);
            }
            return new Status("REC " + file.getFileName() + " " + Units.count(tap.events()) + " events"
                    + (active.dropped() > 0 ? " (" + Units.count(active.dropped()) + " dropped)" : ""), true, false);
        }
        if (!finishing.isDone()) {
            return new Status("finishing " + file.getFileName() + " ...", true, false);
        }
        return new Status(outcome.isEmpty() ? "R:record" : outcome, false, failed);
    }

    /** The file being written or written last, or null. */
    public Path file() {
        return file;
    }

    private void finish(ParquetRecorder stopping, CompletableFuture<ParquetRecorder> released) {
        try {
            while (!released.isDone()) {
                if (session.awaitTermination(Duration.ofMillis(50))) {
                    tap.releaseNow(); // no reading thread is left to do it
                }
            }
            stopping.close();
            outcome = "recorded " + Units.count(stopping.written()) + " events to " + file;
        } catch (IorException e) {
            outcome = "recording failed: " + e.getMessage();
            failed = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            session.addDropped(stopping.dropped());
        }
    }
}
