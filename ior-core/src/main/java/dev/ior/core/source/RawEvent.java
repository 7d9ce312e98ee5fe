package dev.ior.core.source;

import java.lang.foreign.MemorySegment;

/**
 * One record as a source delivers it, before ior resolves fds and paths: a mutable
 * carrier that the source refills for every record (no allocation per event). The
 * fields mirror the kernel record (bpf-src/ior_event.h). Path bytes are not copied:
 * they are referenced where they lie (the ring buffer, or a source's own buffer) and
 * valid only during {@link EventSink#onRaw}.
 */
public final class RawEvent {

    /** A completed syscall. */
    public static final int SYSCALL = 1;
    /** A new process: {@link #args}[0] is the parent's pid. */
    public static final int FORK = 2;
    /** A process replaced its image; {@link #comm} is the new name. */
    public static final int EXEC = 3;
    /** The last thread of a process exited. */
    public static final int EXIT = 4;
    /**
     * One io_uring request from submission to completion: {@link #nr} is its IORING_OP_,
     * {@link #args} as the table's io_uring rows describe them.
     */
    public static final int URING = 5;

    /** Flag: the first path was longer than the copy limit. */
    public static final int PATH_TRUNCATED = 1;
    /** Flag: the second path was longer than the copy limit. */
    public static final int PATH2_TRUNCATED = 1 << 1;
    /** Flag: the first path could not be read from the process. */
    public static final int PATH_FAULT = 1 << 2;
    /** Flag: the second path could not be read. */
    public static final int PATH2_FAULT = 1 << 3;
    /** Flag: not selected (or too fast) but it changed the fd table: apply it, do not show it. */
    public static final int TRACK_ONLY = 1 << 5;
    /**
     * Flag: {@link #ino}, {@link #fsMagic} and the first path (the dentry name) name
     * the new fd the call returned; for a pair, ino holds both inodes as u32 halves.
     */
    public static final int FD_IDENTITY = 1 << 6;
    /**
     * Flag: {@link #ino} is the inode behind the fd the record names (the new fd of an open or
     * dup, else the fd the call acts on), read by the kernel side at exit.
     */
    public static final int FD_INODE = 1 << 7;

    /** SYSCALL, FORK, EXEC, EXIT or URING. */
    public int kind;
    /** CLOCK_BOOTTIME at entry. */
    public long startNs;
    /** Time in the kernel. */
    public long latencyNs;
    /** Time since the thread's previous traced exit; 0 = none. */
    public long gapNs;
    /** Raw return value, -errno on failure. */
    public long ret;
    /** Raw arguments. */
    public final long[] args = new long[6];
    /** With {@link #FD_IDENTITY}: the new fd's inode; with {@link #FD_INODE}: its fd's inode. */
    public long ino;
    /** With {@link #FD_IDENTITY}: the new fd's file-system magic. */
    public int fsMagic;
    /** Process id (tgid). */
    public int pid;
    /** Thread id. */
    public int tid;
    /** The kernel's syscall number (URING: the IORING_OP_). */
    public int nr;
    /** PATH_*, TRACK_ONLY and FD_IDENTITY flags. */
    public int flags;
    /** Restarts folded into this call. */
    public int restarts;
    /** The comm's 16 bytes as two little-endian words (NUL padded). */
    public long commLow;
    /** The comm's bytes 8..15. */
    public long commHigh;
    /** Where the path bytes lie. */
    public MemorySegment paths;
    /** Offset of the first path in {@link #paths}. */
    public long pathOffset;
    /** Length of the first path (no NUL). */
    public int pathLength;
    /** Offset of the second path. */
    public long path2Offset;
    /** Length of the second path. */
    public int path2Length;
}
