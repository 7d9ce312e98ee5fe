package dev.ior.core.record;

import dev.ior.core.EventRecord;
import dev.ior.core.IorException;
import dev.ior.core.KernelFilter;
import dev.ior.core.TraceSettings;
import dev.ior.core.source.EventSink;
import dev.ior.core.source.EventSource;
import dev.ior.core.source.SourceCounters;
import dev.ior.core.source.SourceFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Replays recordings into a session, so the dashboard and the API see them as they saw
 * the live host: one file, or every recording under a directory (a rotated series, a
 * fleet's partitioned dataset), merged in wall-clock order. As fast as the session
 * takes them, or at the pace they were recorded. The session's kernel-side filters
 * apply as they would have live; the files' own lost and dropped counts are reported.
 */
public final class ReplaySource implements EventSource {

    /** How fast events are delivered. */
    public enum Pace {
        /** As fast as the session takes them. */
        FAST,
        /** At the pace they were recorded. */
        RECORDED
    }

    private final Path input;
    private final Pace pace;
    private final List<RecordingReader> readers = new ArrayList<>();
    private volatile SourceFilter filter = new SourceFilter(KernelFilter.NONE, Set.of());
    private volatile boolean stopping;
    private volatile long delivered;
    /** Kernel losses by cause (ring full, no slot, io_uring full), per recorded session. */
    private final Map<String, long[]> lostBySession = new HashMap<>();
    private long bootToWall;

    /** Replays the recording {@code input}, or every recording under it if it is a directory. */
    public ReplaySource(Path input, Pace pace) {
        this.input = input;
        this.pace = pace;
    }

    /** The recordings this source reads, in name order (after {@link #open}). */
    public List<Path> files() {
        return files(input);
    }

    /** The footer metadata of the first recording (after {@link #open}). */
    public Map<String, String> metadata() {
        return readers.isEmpty() ? Map.of() : readers.getFirst().metadata();
    }

    @Override
    public void open(TraceSettings settings) {
        filter = new SourceFilter(settings.filter(), settings.syscalls());
        List<Path> files = files(input);
        if (files.isEmpty()) {
            throw new IorException("no recordings (*.parquet) under " + input, IorException.USAGE_ERROR, null);
        }
        try {
            for (Path file : files) {
                RecordingReader reader = RecordingReader.open(file);
                readers.add(reader);
                noteLosses(reader);
            }
        } catch (IorException e) {
            close();
            throw e;
        }
        bootToWall = number(readers.getFirst(), RecordingMetadata.BOOT_TO_WALL);
    }

    @Override
    public void run(EventSink sink) {
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparingLong((Head h) -> h.event.wallTimeNs())
                .thenComparingInt(h -> h.order));
        for (int i = 0; i < readers.size(); i++) {
            EventRecord first = readers.get(i).next();
            if (first != null) {
                heads.add(new Head(readers.get(i), first, i));
            }
        }
        long startNanos = System.nanoTime();
        long firstWallNs = heads.isEmpty() ? 0 : heads.peek().event.wallTimeNs();
        long n = 0;
        while (!stopping && !heads.isEmpty()) {
            Head head = heads.poll();
            EventRecord event = head.event;
            if (pace == Pace.RECORDED) {
                long early = (event.wallTimeNs() - firstWallNs) - (System.nanoTime() - startNanos);
                if (early > 0) {
                    sink.onIdle();
                    LockSupport.parkNanos(early);
                }
            }
            if (filter.accepts(event)) {
                sink.onEvent(event);
                delivered = ++n;
            }
            EventRecord next = head.reader.next();
            if (next != null) {
                heads.add(new Head(head.reader, next, head.order));
            }
        }
    }

    @Override
    public void stop() {
        stopping = true;
    }

    @Override
    public SourceCounters counters() {
        long[] lost = new long[3];
        for (long[] session : lostBySession.values()) {
            for (int cause = 0; cause < lost.length; cause++) {
                lost[cause] += session[cause];
            }
        }
        return new SourceCounters(delivered, lost[0], lost[1], 0, filter.filteredByLatency(), 0, lost[2], 0);
    }

    /**
     * A file's footer counts its session's losses up to its end: the files of one
     * rotated session count cumulatively (the largest holds them all), different
     * sessions (hosts, runs) add up. Recordings without the causes count all as ring full.
     */
    private void noteLosses(RecordingReader reader) {
        Map<String, String> metadata = reader.metadata();
        String session = metadata.getOrDefault(RecordingMetadata.HOST, "") + "@"
                + metadata.getOrDefault(RecordingMetadata.STARTED_AT, "");
        long total = number(reader, RecordingMetadata.LOST_KERNEL);
        long noSlot = number(reader, RecordingMetadata.LOST_NO_SLOT);
        long uring = number(reader, RecordingMetadata.LOST_URING_FULL);
        long[] here = {Math.max(0, total - noSlot - uring), noSlot, uring};
        long[] known = lostBySession.computeIfAbsent(session, k -> new long[3]);
        for (int cause = 0; cause < here.length; cause++) {
            known[cause] = Math.max(known[cause], here[cause]);
        }
    }

    @Override
    public long bootToWallOffsetNs() {
        return bootToWall;
    }

    @Override
    public void setFilter(KernelFilter newFilter) {
        filter.set(newFilter);
    }

    @Override
    public void close() {
        stopping = true;
        readers.forEach(RecordingReader::close);
    }

    private static long number(RecordingReader reader, String key) {
        try {
            return Long.parseLong(reader.metadata().getOrDefault(key, "0"));
        } catch (NumberFormatException e) {
            return 0; // damaged counts are not worth refusing the events for
        }
    }

    private static List<Path> files(Path input) {
        if (!Files.isDirectory(input)) {
            return List.of(input);
        }
        try (Stream<Path> walk = Files.walk(input)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".parquet") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next event of one file. */
    private record Head(RecordingReader reader, EventRecord event, int order) {
    }
}
