package dev.ior.core.analysis;

import dev.ior.core.filter.FilterFrame;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * A filter frame made fast for the pipeline: text frames are decided once per
 * interned id (a comm, path or syscall) and remembered, number frames compare
 * directly. Keys merged into "other" by eviction match no frame on the evicted
 * dimension: what they were is no longer known.
 */
final class CompiledFrame {

    private static final byte UNKNOWN = 0;
    private static final byte PASS = 1;
    private static final byte FAIL = 2;

    private final FilterFrame frame;
    private final IntFunction<String> text;
    private byte[] decided = new byte[256];

    CompiledFrame(FilterFrame frame, Names names) {
        this.frame = frame;
        this.text = switch (frame.field()) {
            case COMM -> names::comm;
            case FILE -> names::path;
            case SYSCALL -> names::syscallName;
            case FAMILY -> id -> names.syscall(id).family().label();
            default -> null;
        };
    }

    FilterFrame frame() {
        return frame;
    }

    boolean isKeyFrame() {
        return frame.isKeyFrame();
    }

    /** Whether an event (or a key, with zero values) passes. */
    boolean test(int comm, int pid, int tid, int syscall, int path, long latencyNs, long gapNs, long bytes,
                 long ret, int fd) {
        return switch (frame.field()) {
            case COMM -> byId(comm);
            case SYSCALL, FAMILY -> byId(syscall);
            case FILE -> path != KeyTable.OTHER && byId(path);
            case PID -> pid != KeyTable.OTHER && frame.test(pid);
            case TID -> tid != KeyTable.OTHER && frame.test(tid);
            case LATENCY -> frame.test(latencyNs);
            case GAP -> frame.test(gapNs);
            case BYTES -> frame.test(bytes);
            case RET -> frame.test(ret);
            case FD -> frame.test(fd);
        };
    }

    /** Whether a key (comm, pid, tid, syscall, path) passes; only for key frames. */
    boolean testKey(KeyTable keys, int slot) {
        return test(keys.comm(slot), keys.pid(slot), keys.tid(slot), keys.syscall(slot), keys.path(slot), 0, 0, 0,
                0, 0);
    }

    /** Interned ids were freed and may name other texts now: decide every id again. */
    void forgetDecisions() {
        decided = new byte[256];
    }

    private boolean byId(int id) {
        if (id >= decided.length) {
            decided = Arrays.copyOf(decided, Math.max(id + 1, decided.length * 2));
        }
        byte known = decided[id];
        if (known == UNKNOWN) {
            known = frame.test(text.apply(id)) ? PASS : FAIL;
            decided[id] = known;
        }
        return known == PASS;
    }
}
