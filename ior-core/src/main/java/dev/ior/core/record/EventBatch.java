package dev.ior.core.record;

import dev.ior.core.IorEvent;
import dev.ior.core.syscall.Syscall;

/**
 * A batch of events as columns of plain arrays: the pipeline thread copies each
 * event in (no allocation: strings are the pipeline's interned instances), the
 * writer thread writes the rows out. Batches are recycled.
 */
final class EventBatch {

    final int capacity;
    int size;
    final long[] seq;
    final long[] timeNs;
    final long[] wallTimeNs;
    final long[] gapNs;
    final long[] latencyNs;
    final String[] comm;
    final int[] pid;
    final int[] tid;
    final Syscall[] syscall;
    final int[] fd;
    final long[] ret;
    final long[] bytes;
    final String[] file;
    final String[] oldFile;
    final int[] oldFd;
    final boolean[] fileTruncated;
    final int[] errno;
    final int[] restarts;

    EventBatch(int capacity) {
        this.capacity = capacity;
        seq = new long[capacity];
        timeNs = new long[capacity];
        wallTimeNs = new long[capacity];
        gapNs = new long[capacity];
        latencyNs = new long[capacity];
        comm = new String[capacity];
        pid = new int[capacity];
        tid = new int[capacity];
        syscall = new Syscall[capacity];
        fd = new int[capacity];
        ret = new long[capacity];
        bytes = new long[capacity];
        file = new String[capacity];
        oldFile = new String[capacity];
        oldFd = new int[capacity];
        fileTruncated = new boolean[capacity];
        errno = new int[capacity];
        restarts = new int[capacity];
    }

    /** Copies {@code e} into the next row; returns true when the batch is now full. */
    boolean add(IorEvent e) {
        int row = size++;
        seq[row] = e.seq();
        timeNs[row] = e.timeNs();
        wallTimeNs[row] = e.wallTimeNs();
        gapNs[row] = e.gapNs();
        latencyNs[row] = e.latencyNs();
        comm[row] = e.comm();
        pid[row] = e.pid();
        tid[row] = e.tid();
        syscall[row] = e.syscall();
        fd[row] = e.fd();
        ret[row] = e.ret();
        bytes[row] = e.bytes();
        file[row] = e.file();
        oldFile[row] = e.oldFile();
        oldFd[row] = e.oldFd();
        fileTruncated[row] = e.fileTruncated();
        errno[row] = e.errno();
        restarts[row] = e.restarts();
        return size == capacity;
    }

    void clear() {
        size = 0;
    }
}
