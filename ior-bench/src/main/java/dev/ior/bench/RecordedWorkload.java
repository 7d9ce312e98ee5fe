package dev.ior.bench;

import dev.ior.bpf.ffi.Libbpf;
import dev.ior.bpf.ffi.ior_event;
import dev.ior.core.syscall.Syscall;
import dev.ior.core.syscall.SyscallTable;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Kernel ring records shaped like a recording of a busy host, laid out exactly as the
 * BPF side writes them ({@code struct ior_event} + path bytes, 8-byte aligned), in
 * native memory: processes whose threads open a file (a few files hot, most cold: a
 * Zipf-like choice), read or write it in a run of calls, close it; threads interleave
 * in bursts, as a ring fed by several CPUs does. fds stay consistent per process, so
 * the pipeline resolves every read and write to its file. Replaying the records again
 * and again is a steady state: every path, comm and key has been seen.
 */
public final class RecordedWorkload {

    private static final long HEADER = ior_event.layout().byteSize();
    private static final int AT_FDCWD = -100;
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 02000000;
    private static final int ENOENT = 2;
    private static final String[] COMMS = {"postgres", "nginx", "java", "python3", "rsync", "node", "redis-server",
        "mysqld"};

    /** The records, back to back. */
    public final MemorySegment data;
    /** Where each record starts in {@link #data}. */
    public final long[] offsets;
    /** Each record's length. */
    public final int[] lengths;

    private RecordedWorkload(MemorySegment data, long[] offsets, int[] lengths) {
        this.data = data;
        this.offsets = offsets;
        this.lengths = lengths;
    }

    /** One thread's state: the file it has open and how many calls are left in its run. */
    private static final class Thread {
        final int pid;
        final int tid;
        final int fd;
        final String comm;
        String path;
        Syscall run;
        int left = -1;

        Thread(int pid, int tid, int fd, String comm) {
            this.pid = pid;
            this.tid = tid;
            this.fd = fd;
            this.comm = comm;
        }
    }

    /**
     * {@code count} records (a power of two) from {@code processes} processes of
     * {@code threads} threads each, over {@code files} files per process.
     */
    public static RecordedWorkload generate(int count, int processes, int threads, int files, long seed) {
        SyscallTable table = SyscallTable.builtIn();
        Syscall openat = table.byName("openat").orElseThrow();
        Syscall read = table.byName("read").orElseThrow();
        Syscall write = table.byName("write").orElseThrow();
        Syscall close = table.byName("close").orElseThrow();
        SplittableRandom random = new SplittableRandom(seed);
        List<Thread> all = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            for (int t = 0; t < threads; t++) {
                all.add(new Thread(2000 + p * 100, 2000 + p * 100 + t, 10 + t, COMMS[p % COMMS.length]));
            }
        }
        MemorySegment data = Arena.ofAuto().allocate((long) count * (HEADER + 96), 8);
        long[] offsets = new long[count];
        int[] lengths = new int[count];
        long at = 0;
        long time = 1_000_000_000L;
        Thread thread = all.get(0);
        for (int i = 0; i < count; i++) {
            if (random.nextInt(8) == 0) { // another CPU's burst
                thread = all.get(random.nextInt(all.size()));
            }
            time += 1_000;
            offsets[i] = at;
            long length;
            if (thread.left < 0) {
                int rank = zipf(random, files);
                thread.path = "/srv/" + thread.comm + "/data/" + (rank % 7 == 0 ? "archive/" : "") + "part-" + rank
                        + (rank % 3 == 0 ? ".log" : ".db");
                boolean missing = random.nextInt(20) == 0;
                length = write(data, at, openat, thread, time, latency(random, 3_000), missing ? -ENOENT : thread.fd,
                        AT_FDCWD, thread.path);
                thread.left = missing ? -1 : 1 + random.nextInt(32);
                thread.run = random.nextInt(3) == 0 ? write : read;
            } else if (thread.left > 0) {
                long bytes = random.nextInt(4) == 0 ? random.nextInt(4096) : 4096;
                length = write(data, at, thread.run, thread, time, latency(random, thread.run == read ? 800 : 2_000),
                        bytes, thread.fd, null);
                thread.left--;
            } else {
                length = write(data, at, close, thread, time, latency(random, 300), 0, thread.fd, null);
                thread.left = -1;
            }
            lengths[i] = (int) length;
            at += (length + 7) & ~7L;
        }
        return new RecordedWorkload(data, offsets, lengths);
    }

    /** A rank in 1..n, rank r about 1/r as likely as rank 1. */
    private static int zipf(SplittableRandom random, int n) {
        return (int) Math.min(n, Math.max(1, Math.round(Math.pow(n + 1, random.nextDouble()))));
    }

    /** Around {@code typical} ns, with a long tail. */
    private static long latency(SplittableRandom random, long typical) {
        double spread = -Math.log(1 - random.nextDouble());
        return (long) (typical / 2 + typical * spread * spread);
    }

    private static long write(MemorySegment data, long at, Syscall syscall, Thread thread, long time, long latency,
                              long ret, long arg0, String path) {
        MemorySegment record = data.asSlice(at, HEADER + 96);
        record.fill((byte) 0);
        ior_event.start_ns(record, time);
        ior_event.latency_ns(record, latency);
        ior_event.gap_ns(record, 300 + (time % 5_000));
        ior_event.ret(record, ret);
        record.set(ValueLayout.JAVA_LONG, ior_event.args$offset(), arg0);
        record.set(ValueLayout.JAVA_LONG, ior_event.args$offset() + 16, O_RDONLY | O_CLOEXEC);
        ior_event.pid(record, thread.pid);
        ior_event.tid(record, thread.tid);
        byte[] comm = thread.comm.getBytes(StandardCharsets.US_ASCII);
        MemorySegment.copy(comm, 0, record, ValueLayout.JAVA_BYTE, ior_event.comm$offset(), comm.length);
        ior_event.kind(record, (short) Libbpf.IOR_KIND_SYSCALL());
        ior_event.nr(record, (short) syscall.nr());
        int pathLength = 0;
        if (path != null) {
            byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
            pathLength = bytes.length;
            MemorySegment.copy(bytes, 0, record, ValueLayout.JAVA_BYTE, HEADER, pathLength);
        }
        ior_event.path_len(record, (short) pathLength);
        return HEADER + pathLength;
    }
}
