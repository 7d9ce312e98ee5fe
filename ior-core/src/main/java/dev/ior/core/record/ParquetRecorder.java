package dev.ior.core.record;

import dev.ior.core.IorEvent;
import dev.ior.core.IorException;
import dev.ior.core.io.OutputFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Records events to Parquet (ZSTD, dictionary-encoded strings) without slowing the
 * pipeline: the pipeline thread copies each event into a column batch; full batches
 * go to a writer thread of their own. When the writer falls behind and no free batch
 * is left, events are dropped and counted, never waited for.
 *
 * <p>Every way a recording ends (close, Ctrl-C through the session's close, a full
 * disk, the file removed or replaced under ior) leaves a complete, readable file
 * holding everything written so far.
 */
public final class ParquetRecorder implements Consumer<IorEvent>, AutoCloseable {

    private static final int BATCH_ROWS = 8192;
    /** 32 batches: about a third of a second at a million events per second. */
    private static final int BATCHES = 32;
    private static final long ROW_GROUP_BYTES = 16L << 20;
    /** Room kept free on the disk for the last row group's flush and the footer. */
    private static final long FOOTER_MARGIN = 1L << 20;
    private static final EventBatch END = new EventBatch(0);

    private final RecordingOptions options;
    private final Supplier<Map<String, String>> endMetadata;
    private final ArrayBlockingQueue<EventBatch> free = new ArrayBlockingQueue<>(BATCHES);
    private final ArrayBlockingQueue<EventBatch> full = new ArrayBlockingQueue<>(BATCHES + 1);
    private final List<Path> files = new CopyOnWriteArrayList<>();
    private final RecordingTarget target;
    private final Thread writerThread;
    private FileWriter firstWriter;
    private EventBatch current;
    private volatile long droppedHere;
    private volatile long droppedByWriter;
    private volatile long written;
    private volatile Throwable failure;
    private boolean closed;

    private ParquetRecorder(RecordingOptions options, Supplier<Map<String, String>> endMetadata) {
        this.options = options;
        this.endMetadata = endMetadata;
        this.target = new RecordingTarget(options, Instant.now());
        for (int i = 0; i < BATCHES; i++) {
            free.add(new EventBatch(BATCH_ROWS));
        }
        this.writerThread = Thread.ofPlatform().name("ior-recorder").daemon(true).unstarted(this::writeLoop);
    }

    /**
     * Creates the first file and starts the writer thread.
     *
     * @param endMetadata called when each file is finished (on the writer thread), for
     *                    what is only known then: counts, end time
     * @throws IorException when the file cannot be created
     */
    public static ParquetRecorder start(RecordingOptions options, Supplier<Map<String, String>> endMetadata) {
        ParquetRecorder recorder = new ParquetRecorder(options, endMetadata);
        recorder.firstWriter = recorder.openNext();
        recorder.writerThread.start();
        return recorder;
    }

    /** Copies one event into the current batch; called on the pipeline thread only. */
    @Override
    public void accept(IorEvent event) {
        EventBatch batch = current;
        if (batch == null) {
            batch = free.poll();
            if (batch == null) {
                droppedHere++;
                return;
            }
            current = batch;
        }
        if (batch.add(event)) {
            full.add(batch);
            current = null;
        }
    }

    /**
     * Abandons the recording: stops the writer and deletes the files, for a session
     * that never started. Call on the thread that would have recorded.
     */
    public void discard() {
        if (!closed) {
            closed = true;
            current = null;
            full.add(END);
            try {
                writerThread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // nothing recorded in it; leaving it is harmless
            }
        }
    }

    /** Rows written to disk so far. Any thread. */
    public long written() {
        return written;
    }

    /** Events dropped because the writer fell behind or stopped. Any thread. */
    public long dropped() {
        return droppedHere + droppedByWriter;
    }

    /** The files written so far, in order. */
    public List<Path> files() {
        return List.copyOf(files);
    }

    /** Why recording stopped early (disk full, I/O error), or null. Any thread. */
    public Throwable failure() {
        return failure;
    }

    /**
     * Hands over the last partial batch, waits for the writer to finish the file, and
     * reports a failure that stopped recording early. Call on the pipeline thread
     * after the last event (or once the pipeline stopped). Idempotent.
     *
     * @throws IorException when the recording stopped early; what was written is readable
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (current != null) {
                full.add(current);
                current = null;
            }
            full.add(END);
            try {
                writerThread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Throwable error = failure;
        if (error != null) {
            throw error instanceof IorException ior ? ior : new IorException(error.getMessage(), error);
        }
    }

    private void writeLoop() {
        FileWriter writer = firstWriter;
        try {
            while (true) {
                EventBatch batch = full.take();
                if (batch == END) {
                    break;
                }
                if (writer != null) {
                    writer = write(writer, batch);
                } else {
                    droppedByWriter += batch.size;
                }
                batch.clear();
                free.add(batch);
            }
            if (writer != null && !stopIfReplaced(writer)) {
                writer.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            fail(new IorException("recording to " + (writer == null ? "?" : writer.path) + " failed: "
                    + e.getMessage() + "; the events written before are in the file", e));
        }
    }

    /** Writes one batch; returns the writer to go on with (a new one after rotating, null when stopped). */
    private FileWriter write(FileWriter writer, EventBatch batch) throws IOException {
        writer.write(batch);
        written += batch.size;
        if (stopIfReplaced(writer)) {
            return null;
        }
        long usable = Files.getFileStore(writer.path.toAbsolutePath().getParent()).getUsableSpace();
        if (usable < writer.pendingBytes() + FOOTER_MARGIN) {
            writer.close();
            fail(new IorException("the disk holding " + writer.path + " is full: recording stopped after "
                    + written + " events, all of them in the file"));
            return null;
        }
        if (rotationDue(writer)) {
            writer.close();
            return openNext();
        }
        return writer;
    }

    private boolean rotationDue(FileWriter writer) throws IOException {
        return (options.rotateBytes() > 0 && writer.sizeBytes() >= options.rotateBytes())
                || (options.rotateAfter() != null
                && System.nanoTime() - writer.openedNanos >= options.rotateAfter().toNanos());
    }

    /**
     * Someone removed or replaced the file being written (a cleanup job, a mistaken rm):
     * what ior wrote would vanish with the file's last fd. The file is finished and its
     * bytes copied to a new file (the same name if it is free again, else beside it),
     * and recording stops with a message saying where the events are.
     *
     * @return whether the file was replaced (and recording stopped)
     */
    private boolean stopIfReplaced(FileWriter writer) throws IOException {
        if (writer.identity == null || writer.identity.equals(OutputFiles.identity(writer.path))) {
            return false;
        }
        String what = "the recording " + writer.path + " was removed or replaced while ior wrote it";
        try {
            Path saved = writer.closeInto(rescuePath(writer.path));
            files.set(files.indexOf(writer.path), saved);
            fail(new IorException(what + ": the " + writer.rows() + " events it held are saved in " + saved
                    + "; recording stopped"));
        } catch (IorException e) {
            fail(new IorException(what + " and its events could not be saved (" + e.getMessage() + ")", e));
        }
        return true;
    }

    /** The file's own name if nothing is there any more, else the first free NAME.rescued[-N].parquet. */
    private static Path rescuePath(Path path) {
        if (OutputFiles.identity(path) == null) {
            return path;
        }
        String name = path.getFileName().toString();
        String stem = name.endsWith(".parquet") ? name.substring(0, name.length() - ".parquet".length()) : name;
        Path candidate = path.resolveSibling(stem + ".rescued.parquet");
        for (int n = 2; OutputFiles.identity(candidate) != null; n++) {
            candidate = path.resolveSibling(stem + ".rescued-" + n + ".parquet");
        }
        return candidate;
    }

    private void fail(Throwable error) {
        if (failure == null) {
            failure = error;
        }
    }

    private FileWriter openNext() {
        Path path = target.next(Instant.now());
        FileChannel channel = OutputFiles.createExclusive(path);
        files.add(path);
        try {
            return new FileWriter(path, channel);
        } catch (IOException e) {
            throw new IorException("cannot start the recording " + path + ": " + e.getMessage(), e);
        }
    }

    /** One open Parquet file. */
    private final class FileWriter {
        final Path path;
        /** The file created, as opposed to whatever may be at its path later. */
        final Object identity;
        final long openedNanos = System.nanoTime();
        private final Map<String, String> startMetadata = new HashMap<>(options.metadata());
        private final FileChannel channel;
        private final ParquetFileSink sink;

        FileWriter(Path path, FileChannel channel) throws IOException {
            this.path = path;
            this.channel = channel;
            this.identity = OutputFiles.identity(path);
            startMetadata.put(RecordingMetadata.HOST, options.host());
            startMetadata.put(RecordingMetadata.FILE_INDEX, Integer.toString(files.size())); // already listed
            this.sink = new ParquetFileSink(new ChannelOutputFile(channel, path), ROW_GROUP_BYTES, options.host());
        }

        void write(EventBatch batch) throws IOException {
            sink.write(batch);
        }

        /** Bytes not yet on disk (the open row group). */
        long pendingBytes() {
            return sink.bufferedBytes();
        }

        long sizeBytes() throws IOException {
            return sink.sizeBytes();
        }

        long rows() {
            return sink.rows();
        }

        /** Finishes the file: the footer with the counts as of now. */
        void close() throws IOException {
            finish();
            channel.close();
        }

        /** Finishes the file and copies it, through the fd still open, to a new file {@code target}. */
        Path closeInto(Path target) throws IOException {
            finish();
            try (FileChannel copy = OutputFiles.createExclusive(target)) {
                long size = channel.size();
                for (long at = 0; at < size; ) {
                    at += channel.transferTo(at, size - at, copy);
                }
                copy.force(false);
            } finally {
                channel.close();
            }
            return target;
        }

        private void finish() throws IOException {
            Map<String, String> metadata = new HashMap<>(startMetadata);
            metadata.putAll(endMetadata.get());
            metadata.put(RecordingMetadata.ROWS, Long.toString(sink.rows()));
            metadata.put(RecordingMetadata.ENDED_AT, Long.toString(RecordingMetadata.nowUnixNanos()));
            metadata.put(RecordingMetadata.DROPPED_RECORDER, Long.toString(dropped()));
            sink.close(metadata);
        }
    }
}
