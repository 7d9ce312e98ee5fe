package dev.ior.core.proc;

import dev.ior.core.text.Interner;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * Names an fd that has no path the way {@code /proc/PID/fd} does ({@code pipe:[123]},
 * {@code socket:[456]}, {@code anon_inode:[eventfd]}), from what the kernel side read
 * about the new file: its file system's magic, its inode and its dentry name. Works in
 * a reusable buffer and interns, so a name seen before costs no allocation.
 */
public final class FdNames {

    /** Pipes. */
    public static final int PIPEFS_MAGIC = 0x50495045;
    /** Sockets. */
    public static final int SOCKFS_MAGIC = 0x534F434B;
    /** eventfd, epoll, signalfd, timerfd, inotify, io_uring, userfaultfd, ... */
    public static final int ANON_INODE_FS_MAGIC = 0x09041934;
    /** pidfds (kernel 6.9 and later); /proc shows them as anon inodes. */
    public static final int PIDFS_MAGIC = 0x50494446;

    private static final byte[] PIPE = "pipe:[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SOCKET = "socket:[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ANON = "anon_inode:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PIDFD = "anon_inode:[pidfd]".getBytes(StandardCharsets.US_ASCII);
    /** Longer dentry names are not anon-inode names: they are not used. */
    private static final int MAX_NAME = 64;

    private final Interner paths;
    private final byte[] buffer = new byte[ANON.length + MAX_NAME];
    private final MemorySegment bufferSegment = MemorySegment.ofArray(buffer);

    /** Names interned into {@code paths}. */
    public FdNames(Interner paths) {
        this.paths = paths;
    }

    /**
     * The path id naming a file of the file system {@code magic} with inode {@code ino}
     * and dentry name {@code length} bytes at {@code offset} of {@code source}; or
     * {@link ProcessState#UNKNOWN} for a file with a real path, which only /proc knows.
     */
    public int name(int magic, long ino, MemorySegment source, long offset, int length) {
        return switch (magic) {
            case PIPEFS_MAGIC -> numbered(PIPE, ino);
            case SOCKFS_MAGIC -> numbered(SOCKET, ino);
            case PIDFS_MAGIC -> paths.intern(PIDFD, 0, PIDFD.length);
            case ANON_INODE_FS_MAGIC -> {
                if (length > MAX_NAME) {
                    yield ProcessState.UNKNOWN;
                }
                System.arraycopy(ANON, 0, buffer, 0, ANON.length);
                MemorySegment.copy(source, ValueLayout.JAVA_BYTE, offset, buffer, ANON.length, length);
                yield paths.intern(bufferSegment, 0, ANON.length + length);
            }
            default -> ProcessState.UNKNOWN;
        };
    }

    private int numbered(byte[] prefix, long ino) {
        System.arraycopy(prefix, 0, buffer, 0, prefix.length);
        int end = prefix.length + digits(ino);
        long value = ino;
        for (int i = end - 1; i >= prefix.length; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        buffer[end] = ']';
        return paths.intern(bufferSegment, 0, end + 1);
    }

    private static int digits(long value) {
        int n = 1;
        for (long v = value; v >= 10; v /= 10) {
            n++;
        }
        return n;
    }
}
