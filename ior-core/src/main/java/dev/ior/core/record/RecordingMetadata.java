package dev.ior.core.record;

import dev.ior.core.HostInfo;
import dev.ior.core.IorSession;
import dev.ior.core.IorVersion;
import dev.ior.core.KernelFilter;
import dev.ior.core.Sampling;
import dev.ior.core.SessionCounters;
import dev.ior.core.SyscallSampling;
import dev.ior.core.TraceSettings;
import dev.ior.core.proc.ProcessSnapshot;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The key-value metadata in a recording's footer. The first four are the original
 * ior's; the rest are ior's own. Counts are as of the moment the file was finished.
 */
public final class RecordingMetadata {

    /** The host the events came from. */
    public static final String HOST = "ior.hostname";
    /** When recording started, Unix epoch nanoseconds. */
    public static final String STARTED_AT = "ior.started_at_unix_nano";
    /** What wrote the file: {@code record} (headless) or {@code dashboard}. */
    public static final String MODE = "ior.mode";
    /** ior's version. */
    public static final String VERSION = "ior.version";
    /** The kernel release (uname -r). */
    public static final String KERNEL = "ior.kernel";
    /** Nanoseconds to add to time_ns (CLOCK_BOOTTIME) for Unix epoch time. */
    public static final String BOOT_TO_WALL = "ior.boot_to_wall_ns";
    /** The kernel-side filters, as the command line spelled them. */
    public static final String FILTERS = "ior.filters";
    /** The syscall selection, as patterns (SyscallPattern) comma-separated, or {@code default}. */
    public static final String PROBES = "ior.probes";
    /** When this file was finished, Unix epoch nanoseconds. */
    public static final String ENDED_AT = "ior.ended_at_unix_nano";
    /** Rows in this file. */
    public static final String ROWS = "ior.rows";
    /** Events the session delivered up to the end of this file. */
    public static final String EVENTS = "ior.events";
    /** Records lost in the kernel up to the end of this file. */
    public static final String LOST_KERNEL = "ior.lost_kernel";
    /** Of those, records dropped because the ring was full (the reader fell behind). */
    public static final String LOST_RING_FULL = "ior.lost_ring_full";
    /** Of those, calls dropped because no per-thread slot could be allocated. */
    public static final String LOST_NO_SLOT = "ior.lost_no_slot";
    /** Of those, io_uring requests dropped because the kernel's in-flight table was full. */
    public static final String LOST_URING_FULL = "ior.lost_uring_full";
    /** Events dropped in user space up to the end of this file. */
    public static final String DROPPED_USER = "ior.dropped_user";
    /** Of those, events the recorder dropped because its writer fell behind. */
    public static final String DROPPED_RECORDER = "ior.dropped_recorder";
    /** What the traced processes had open when tracing started: JSON, see ProcessSnapshot. */
    public static final String PROCESSES_AT_START = "ior.processes_at_start";
    /** The sampling rates as given ({@code family:Network=10,read=0}), when not every call is an event. */
    public static final String SAMPLING = "ior.sampling";
    /**
     * The kernel's exact totals of every sampled syscall when the file was finished, as JSON:
     * {@code {"read":{"rate":10,"calls":10023,"traced":1002,"counted_only":9021}}}.
     */
    public static final String SAMPLING_TOTALS = "ior.sampling.totals";
    /** With sampling, what gap_ns measures: the time between the calls that became events. */
    public static final String SAMPLING_GAPS = "ior.sampling.gaps";

    /** This file's place in a rotated series, from 1. */
    public static final String FILE_INDEX = "ior.file_index";
    /**
     * For dashboard recordings, the filter stack when recording started
     * ({@code filter: all} or its frames): the file holds the events that passed it.
     */
    public static final String VIEW_FILTER = "ior.view_filter";

    /**
     * The entries known when recording starts: {@code mode} ({@code record} or
     * {@code dashboard}), ior's version, the kernel, the start time, the kernel-side
     * filters as the command line spells them, and the probes.
     */
    public static Map<String, String> atStart(String mode, TraceSettings settings) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(MODE, mode);
        metadata.put(VERSION, IorVersion.current().version());
        metadata.put(KERNEL, HostInfo.kernelRelease());
        metadata.put(STARTED_AT, Long.toString(nowUnixNanos()));
        metadata.put(FILTERS, describe(settings.filter()));
        metadata.put(PROBES, settings.syscalls().isEmpty() ? "default"
                : String.join(",", settings.syscalls().stream().sorted().toList()));
        metadata.putAll(sampling(settings.sampling()));
        return metadata;
    }

    /**
     * The entries known only when a file is finished: what the processes had open at the
     * start, the clock offset and {@code session}'s counts so far.
     */
    public static Map<String, String> atEnd(IorSession session) {
        Map<String, String> metadata = new LinkedHashMap<>(counts(session.counters()));
        metadata.put(PROCESSES_AT_START, ProcessSnapshot.toJson(session.processesAtStart()));
        metadata.put(BOOT_TO_WALL, Long.toString(session.bootToWallOffsetNs()));
        metadata.putAll(samplingTotals(session.samplingTotals()));
        return metadata;
    }

    /** The kernel-side filters as the command line spells them ({@code --pid 12 --comm bash}). */
    public static String describe(KernelFilter filter) {
        StringBuilder text = new StringBuilder();
        if (!filter.pids().isEmpty()) {
            text.append("--pid ").append(filter.pids().stream().sorted().map(String::valueOf)
                    .collect(Collectors.joining(","))).append(' ');
        }
        if (filter.tid() != 0) {
            text.append("--tid ").append(filter.tid()).append(' ');
        }
        if (!filter.comm().isEmpty()) {
            text.append("--comm ").append(filter.comm()).append(' ');
        }
        if (filter.minLatencyNs() != 0) {
            text.append("--min-latency ").append(filter.minLatencyNs()).append("ns ");
        }
        if (filter.follow()) {
            text.append("--follow ");
        }
        return text.toString().strip();
    }

    private RecordingMetadata() {
    }

    /** The sampling entries known at the start: none when every call is an event. */
    private static Map<String, String> sampling(Sampling sampling) {
        if (sampling.everyCall()) {
            return Map.of();
        }
        return Map.of(SAMPLING, sampling.describe(),
                SAMPLING_GAPS, "gap_ns is measured between the calls that became events");
    }

    /** The sampling totals entry when a file is finished: none when nothing is sampled. */
    private static Map<String, String> samplingTotals(List<SyscallSampling> totals) {
        if (totals.isEmpty()) {
            return Map.of();
        }
        return Map.of(SAMPLING_TOTALS, totals.stream().map(t -> "\"" + t.syscall().name() + "\":{\"rate\":"
                + t.rate() + ",\"calls\":" + t.calls() + ",\"traced\":" + t.traced() + ",\"counted_only\":"
                + t.countedOnly() + "}").collect(Collectors.joining(",", "{", "}")));
    }

    /**
     * The session's counts as footer entries ({@link #EVENTS}, {@link #LOST_KERNEL} and
     * its causes, {@link #DROPPED_USER}): what every recorder puts in each file it
     * finishes, so that a recording says what it is missing.
     */
    public static Map<String, String> counts(SessionCounters counters) {
        return Map.of(EVENTS, Long.toString(counters.events()),
                LOST_KERNEL, Long.toString(counters.lostKernel()),
                LOST_RING_FULL, Long.toString(counters.lostRingFull()),
                LOST_NO_SLOT, Long.toString(counters.lostNoSlot()),
                LOST_URING_FULL, Long.toString(counters.lostUring()),
                DROPPED_USER, Long.toString(counters.droppedUser()));
    }

    static long nowUnixNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
