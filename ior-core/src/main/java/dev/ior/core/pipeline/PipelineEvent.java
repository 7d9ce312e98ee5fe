package dev.ior.core.pipeline;

import dev.ior.core.EventRecord;
import dev.ior.core.syscall.Syscall;
import dev.ior.core.text.Interner;

/**
 * The reusable event view the pipeline hands to listeners: plain fields refilled for
 * every event, strings looked up by interned id (made once per distinct string).
 */
final class PipelineEvent implements InternedEvent {

    private final Interner comms;
    private final Interner paths;

    long seq;
    long timeNs;
    long wallTimeNs;
    long gapNs;
    long latencyNs;
    int commId;
    int pid;
    int tid;
    Syscall syscall;
    int fd;
    long ret;
    long bytes;
    int fileId;
    int oldFileId;
    int oldFd;
    boolean fileTruncated;
    int errno;
    int restarts;

    PipelineEvent(Interner comms, Interner paths) {
        this.comms = comms;
        this.paths = paths;
    }

    @Override public long seq() { return seq; }
    @Override public long timeNs() { return timeNs; }
    @Override public long wallTimeNs() { return wallTimeNs; }
    @Override public long gapNs() { return gapNs; }
    @Override public long latencyNs() { return latencyNs; }
    @Override public String comm() { return comms.string(commId); }
    @Override public int pid() { return pid; }
    @Override public int tid() { return tid; }
    @Override public Syscall syscall() { return syscall; }
    @Override public int fd() { return fd; }
    @Override public long ret() { return ret; }
    @Override public long bytes() { return bytes; }
    @Override public String file() { return paths.string(fileId); }
    @Override public String oldFile() { return paths.string(oldFileId); }
    @Override public int oldFd() { return oldFd; }
    @Override public boolean fileTruncated() { return fileTruncated; }
    @Override public int errno() { return errno; }
    @Override public int restarts() { return restarts; }
    @Override public int commId() { return commId; }
    @Override public int fileId() { return fileId; }
    @Override public int oldFileId() { return oldFileId; }
    @Override public Interner comms() { return comms; }
    @Override public Interner paths() { return paths; }

    @Override
    public EventRecord copy() {
        return new EventRecord(seq, timeNs, wallTimeNs, gapNs, latencyNs, comm(), pid, tid, syscall,
                fd, ret, bytes, file(), oldFile(), oldFd, fileTruncated, errno, restarts);
    }

    @Override
    public String toString() {
        return copy().toString();
    }
}
