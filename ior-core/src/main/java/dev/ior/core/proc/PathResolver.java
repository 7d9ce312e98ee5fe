package dev.ior.core.proc;

import dev.ior.core.text.Interner;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Makes a syscall's path absolute: a relative path or an *at call's path is joined
 * to the directory fd's path or the process's cwd, then normalised lexically
 * ({@code //}, {@code .} and {@code ..} folded; symlinks are not followed). Works in
 * a reusable buffer and interns the result, so a path seen before costs no
 * allocation.
 */
public final class PathResolver {

    /** The dirfd value meaning "relative to the cwd". */
    public static final int AT_FDCWD = -100;

    private final Interner paths;
    private final ProcessTable processes;
    private byte[] buffer = new byte[8192];
    private MemorySegment bufferSegment = MemorySegment.ofArray(buffer);

    /** A resolver interning into {@code paths}, with fds from {@code processes}. */
    public PathResolver(Interner paths, ProcessTable processes) {
        this.paths = paths;
        this.processes = processes;
    }

    /**
     * The path id of {@code length} bytes at {@code offset} of {@code source}, as seen
     * by {@code process} relative to {@code dirfd}. An empty path (AT_EMPTY_PATH)
     * names {@code dirfd} itself.
     */
    public int resolve(ProcessState process, int dirfd, MemorySegment source, long offset, int length) {
        if (length == 0) {
            return dirfd == AT_FDCWD ? process.cwd() : processes.resolveFd(process, dirfd);
        }
        int used;
        if (source.get(ValueLayout.JAVA_BYTE, offset) == '/') {
            used = 0;
        } else {
            int base = dirfd == AT_FDCWD ? process.cwd() : processes.resolveFd(process, dirfd);
            if (base == ProcessState.UNKNOWN || paths.firstByte(base) != '/') {
                return paths.intern(source, offset, length); // base unknown: keep it relative
            }
            ensure(paths.length(base) + 1 + length);
            used = paths.copyBytes(base, buffer, 0);
            buffer[used++] = '/';
        }
        ensure(used + length);
        MemorySegment.copy(source, ValueLayout.JAVA_BYTE, offset, buffer, used, length);
        int normalized = normalize(buffer, used + length);
        return paths.intern(bufferSegment, 0, normalized);
    }

    private void ensure(int capacity) {
        if (capacity > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(capacity, buffer.length * 2));
            bufferSegment = MemorySegment.ofArray(buffer);
        }
    }

    /**
     * Folds {@code //}, {@code /./} and {@code /x/..} of an absolute path in place and
     * drops a trailing slash; returns the new length. {@code /..} stays {@code /}.
     */
    static int normalize(byte[] path, int length) {
        int out = 0;
        int i = 0;
        while (i < length) {
            while (i < length && path[i] == '/') {
                i++;
            }
            int start = i;
            while (i < length && path[i] != '/') {
                i++;
            }
            int segment = i - start;
            if (segment == 0 || (segment == 1 && path[start] == '.')) {
                continue;
            }
            if (segment == 2 && path[start] == '.' && path[start + 1] == '.') {
                while (out > 0 && path[out - 1] != '/') {
                    out--;
                }
                if (out > 0) {
                    out--; // the slash before the dropped name
                }
                continue;
            }
            path[out++] = '/';
            System.arraycopy(path, start, path, out, segment);
            out += segment;
        }
        if (out == 0) {
            path[out++] = '/';
        }
        return out;
    }
}
