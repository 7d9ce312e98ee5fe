package dev.ior.core.synthetic;

import dev.ior.core.EventRecord;
import dev.ior.core.IorEvent;
import dev.ior.core.syscall.Syscall;

/** The generator's reusable event: refilled for every event, valid during the callback only. */
final class GeneratedEvent implements IorEvent {

    long timeNs;
    long wallTimeNs;
    long gapNs;
    long latencyNs;
    String comm;
    int pid;
    int tid;
    Syscall syscall;
    int fd;
    long ret;
    long bytes;
    String file;
    int errno;

    @Override public long seq() { return 0; }
    @Override public long timeNs() { return timeNs; }
    @Override public long wallTimeNs() { return wallTimeNs; }
    @Override public long gapNs() { return gapNs; }
    @Override public long latencyNs() { return latencyNs; }
    @Override public String comm() { return comm; }
    @Override public int pid() { return pid; }
    @Override public int tid() { return tid; }
    @Override public Syscall syscall() { return syscall; }
    @Override public int fd() { return fd; }
    @Override public long ret() { return ret; }
    @Override public long bytes() { return bytes; }
    @Override public String file() { return file; }
    @Override public String oldFile() { return ""; }
    @Override public boolean fileTruncated() { return false; }
    @Override public int errno() { return errno; }
    @Override public int restarts() { return 0; }
    @Override public int oldFd() { return -1; }

    @Override
    public EventRecord copy() {
        return new EventRecord(0, timeNs, wallTimeNs, gapNs, latencyNs, comm, pid, tid, syscall, fd, ret, bytes, file,
                "", -1, false, errno, 0);
    }
}
