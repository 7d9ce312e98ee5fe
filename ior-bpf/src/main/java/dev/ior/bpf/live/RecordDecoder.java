package dev.ior.bpf.live;

import dev.ior.bpf.ffi.ior_event;
import dev.ior.bpf.ring.RingReader;
import dev.ior.core.source.EventSink;
import dev.ior.core.source.RawEvent;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Reads ring records ({@code struct ior_event} plus its path bytes) in place into the
 * one reusable {@link RawEvent}. Offsets come from the jextract layout of the header
 * the BPF side is compiled from. A record too short for what it claims to carry is
 * counted and skipped, never read past its end.
 */
final class RecordDecoder implements RingReader.RecordHandler {

    private static final long HEADER = ior_event.layout().byteSize();
    private static final long START_NS = ior_event.start_ns$offset();
    private static final long LATENCY_NS = ior_event.latency_ns$offset();
    private static final long GAP_NS = ior_event.gap_ns$offset();
    private static final long RET = ior_event.ret$offset();
    private static final long ARGS = ior_event.args$offset();
    private static final long INO = ior_event.ino$offset();
    private static final long FS_MAGIC = ior_event.fs_magic$offset();
    private static final long PID = ior_event.pid$offset();
    private static final long TID = ior_event.tid$offset();
    private static final long KIND = ior_event.kind$offset();
    private static final long NR = ior_event.nr$offset();
    private static final long FLAGS = ior_event.flags$offset();
    private static final long RESTARTS = ior_event.restarts$offset();
    private static final long PATH_LEN = ior_event.path_len$offset();
    private static final long PATH2_LEN = ior_event.path2_len$offset();
    private static final long COMM = ior_event.comm$offset();

    private final RawEvent raw = new RawEvent();
    private final EventSink sink;
    private long malformed;

    RecordDecoder(EventSink sink) {
        this.sink = sink;
    }

    @Override
    public void onRecord(MemorySegment data, long offset, int length) {
        if (length < HEADER) {
            malformed++;
            return;
        }
        RawEvent e = raw;
        int pathLength = data.get(ValueLayout.JAVA_SHORT, offset + PATH_LEN) & 0xffff;
        int path2Length = data.get(ValueLayout.JAVA_SHORT, offset + PATH2_LEN) & 0xffff;
        if (HEADER + pathLength + path2Length > length) {
            malformed++;
            return;
        }
        e.kind = data.get(ValueLayout.JAVA_SHORT, offset + KIND) & 0xffff;
        e.startNs = data.get(ValueLayout.JAVA_LONG, offset + START_NS);
        e.latencyNs = data.get(ValueLayout.JAVA_LONG, offset + LATENCY_NS);
        e.gapNs = data.get(ValueLayout.JAVA_LONG, offset + GAP_NS);
        e.ret = data.get(ValueLayout.JAVA_LONG, offset + RET);
        for (int i = 0; i < 6; i++) {
            e.args[i] = data.get(ValueLayout.JAVA_LONG, offset + ARGS + 8L * i);
        }
        e.ino = data.get(ValueLayout.JAVA_LONG, offset + INO);
        e.fsMagic = data.get(ValueLayout.JAVA_INT, offset + FS_MAGIC);
        e.pid = data.get(ValueLayout.JAVA_INT, offset + PID);
        e.tid = data.get(ValueLayout.JAVA_INT, offset + TID);
        e.nr = data.get(ValueLayout.JAVA_SHORT, offset + NR) & 0xffff;
        e.flags = data.get(ValueLayout.JAVA_SHORT, offset + FLAGS) & 0xffff;
        e.restarts = data.get(ValueLayout.JAVA_SHORT, offset + RESTARTS) & 0xffff;
        e.commLow = data.get(ValueLayout.JAVA_LONG, offset + COMM);
        e.commHigh = data.get(ValueLayout.JAVA_LONG, offset + COMM + 8);
        e.paths = data;
        e.pathOffset = offset + HEADER;
        e.pathLength = pathLength;
        e.path2Offset = offset + HEADER + pathLength;
        e.path2Length = path2Length;
        sink.onRaw(e);
    }

    /** Records skipped because they were shorter than their own lengths claimed. */
    long malformed() {
        return malformed;
    }
}
