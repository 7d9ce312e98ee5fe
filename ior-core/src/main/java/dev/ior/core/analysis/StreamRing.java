package dev.ior.core.analysis;

import dev.ior.core.EventRecord;
import dev.ior.core.pipeline.InternedEvent;
import dev.ior.core.syscall.Syscall;
import java.util.ArrayList;
import java.util.List;

/**
 * The last N events, field by field in arrays (no object per event). Events become
 * {@link EventRecord}s only when a snapshot is published, each once. Pipeline thread
 * only.
 */
final class StreamRing {

    /** Decides whether the event at an index of a ring passes. */
    interface EntryTest {
        boolean test(StreamRing ring, int index);
    }

    private final int capacity;
    final long[] seq;
    final long[] timeNs;
    final long[] wallTimeNs;
    final long[] gapNs;
    final long[] latencyNs;
    final long[] ret;
    final long[] bytes;
    final int[] comm;
    final int[] pid;
    final int[] tid;
    final int[] fd;
    final int[] file;
    final int[] oldFile;
    final int[] errno;
    final int[] restarts;
    final Syscall[] syscall;
    final boolean[] truncated;
    private final EventRecord[] records;
    private long added;

    StreamRing(int capacity) {
        this.capacity = capacity;
        seq = new long[capacity];
        timeNs = new long[capacity];
        wallTimeNs = new long[capacity];
        gapNs = new long[capacity];
        latencyNs = new long[capacity];
        ret = new long[capacity];
        bytes = new long[capacity];
        comm = new int[capacity];
        pid = new int[capacity];
        tid = new int[capacity];
        fd = new int[capacity];
        file = new int[capacity];
        oldFile = new int[capacity];
        errno = new int[capacity];
        restarts = new int[capacity];
        syscall = new Syscall[capacity];
        truncated = new boolean[capacity];
        records = new EventRecord[capacity];
    }

    void add(InternedEvent e) {
        int i = (int) (added++ % capacity);
        seq[i] = e.seq();
        timeNs[i] = e.timeNs();
        wallTimeNs[i] = e.wallTimeNs();
        gapNs[i] = e.gapNs();
        latencyNs[i] = e.latencyNs();
        ret[i] = e.ret();
        bytes[i] = e.bytes();
        comm[i] = e.commId();
        pid[i] = e.pid();
        tid[i] = e.tid();
        fd[i] = e.fd();
        file[i] = e.fileId();
        oldFile[i] = e.oldFileId();
        errno[i] = e.errno();
        restarts[i] = e.restarts();
        syscall[i] = e.syscall();
        truncated[i] = e.fileTruncated();
        records[i] = null;
    }

    /** How many events are held. */
    int size() {
        return (int) Math.min(added, capacity);
    }

    /** The array index of the {@code k}-th oldest event held. */
    int index(int k) {
        return (int) ((added - size() + k) % capacity);
    }

    /** The seq of the oldest event held, or {@code Long.MAX_VALUE} when empty. */
    long oldestSeq() {
        return size() == 0 ? Long.MAX_VALUE : seq[index(0)];
    }

    /** A new ring of this capacity holding this ring's events that pass {@code test}. */
    StreamRing filtered(EntryTest test) {
        StreamRing kept = new StreamRing(capacity);
        kept.addPassing(this, test, Long.MAX_VALUE);
        return kept;
    }

    /** Appends the events of {@code from} that pass {@code test} and have a seq below {@code seqBelow}. */
    void addPassing(StreamRing from, EntryTest test, long seqBelow) {
        for (int k = 0; k < from.size(); k++) {
            int j = from.index(k);
            if (from.seq[j] < seqBelow && test.test(from, j)) {
                copy(from, j);
            }
        }
    }

    /** The events held, oldest first. */
    List<EventRecord> records(Names names) {
        int size = size();
        List<EventRecord> list = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            int i = index(k);
            EventRecord r = records[i];
            if (r == null) {
                r = new EventRecord(seq[i], timeNs[i], wallTimeNs[i], gapNs[i], latencyNs[i], names.comm(comm[i]),
                        pid[i], tid[i], syscall[i], fd[i], ret[i], bytes[i], names.path(file[i]),
                        names.path(oldFile[i]), truncated[i], errno[i], restarts[i]);
                records[i] = r;
            }
            list.add(r);
        }
        return list;
    }

    private void copy(StreamRing from, int j) {
        int i = (int) (added++ % capacity);
        seq[i] = from.seq[j];
        timeNs[i] = from.timeNs[j];
        wallTimeNs[i] = from.wallTimeNs[j];
        gapNs[i] = from.gapNs[j];
        latencyNs[i] = from.latencyNs[j];
        ret[i] = from.ret[j];
        bytes[i] = from.bytes[j];
        comm[i] = from.comm[j];
        pid[i] = from.pid[j];
        tid[i] = from.tid[j];
        fd[i] = from.fd[j];
        file[i] = from.file[j];
        oldFile[i] = from.oldFile[j];
        errno[i] = from.errno[j];
        restarts[i] = from.restarts[j];
        syscall[i] = from.syscall[j];
        truncated[i] = from.truncated[j];
        records[i] = from.records[j];
    }
}
