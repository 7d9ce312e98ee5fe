package dev.ior.core.record;

import java.time.Instant;

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
    /** Events dropped in user space up to the end of this file. */
    public static final String DROPPED_USER = "ior.dropped_user";
    /** Of those, events the recorder dropped because its writer fell behind. */
    public static final String DROPPED_RECORDER = "ior.dropped_recorder";
    /** What the traced processes had open when tracing started: JSON, see ProcessSnapshot. */
    public static final String PROCESSES_AT_START = "ior.processes_at_start";
    /** This file's place in a rotated series, from 1. */
    public static final String FILE_INDEX = "ior.file_index";

    private RecordingMetadata() {
    }

    static long nowUnixNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
