package dev.ior.core;

import dev.ior.core.syscall.Syscall;

/**
 * An immutable event: what {@link IorEvent#copy()} returns, and what tests and
 * synthetic sources build. Field meanings are those of {@link IorEvent}.
 */
public record EventRecord(long seq, long timeNs, long wallTimeNs, long gapNs, long latencyNs,
                          String comm, int pid, int tid, Syscall syscall, int fd, long ret,
                          long bytes, String file, String oldFile, int oldFd, boolean fileTruncated,
                          int errno, int restarts) implements IorEvent {

    @Override
    public EventRecord copy() {
        return this;
    }
}
