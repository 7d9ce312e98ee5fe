package dev.ior.core.pipeline;

import dev.ior.core.Errno;
import dev.ior.core.IorEvent;
import dev.ior.core.proc.PathResolver;
import dev.ior.core.proc.ProcFs;
import dev.ior.core.proc.ProcessState;
import dev.ior.core.proc.ProcessTable;
import dev.ior.core.source.EventSink;
import dev.ior.core.source.RawEvent;
import dev.ior.core.syscall.ArgRole;
import dev.ior.core.syscall.Syscall;
import dev.ior.core.syscall.SyscallTable;
import dev.ior.core.text.Interner;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Collection;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.agrona.collections.Object2IntHashMap;

/**
 * Turns raw records into events: resolves each call's fd and path against its
 * process's fd table, applies the call's effect on that table, interns strings and
 * hands the finished event to the consumers. Runs on the source's thread only; no
 * locks and no allocation per event once strings and processes have been seen.
 */
public final class EventPipeline implements EventSink {

    private static final int O_CLOEXEC = 02000000;
    private static final int FD_CLOEXEC = 1;
    private static final int F_DUPFD = 0;
    private static final int F_SETFD = 2;
    private static final int F_DUPFD_CLOEXEC = 1030;
    private static final int CLOSE_RANGE_CLOEXEC = 1 << 2;
    /** Check the clock for a periodic flush once per this many events. */
    private static final int FLUSH_CHECK_EVERY = 4096;

    private final SyscallTable table;
    private final Interner comms = new Interner();
    private final Interner paths = new Interner();
    private final ProcessTable processes;
    private final PathResolver resolver;
    private final PipelineEvent event = new PipelineEvent(comms, paths);
    private final MemorySegment commBytes = MemorySegment.ofArray(new byte[16]);
    private final Consumer<IorEvent> consumer;
    private final Runnable flush;
    private final long bootToWallNs;
    private final long flushIntervalNs;
    private long lastCommLow;
    private long lastCommHigh;
    private int lastCommId = -1;
    private long lastFlushNs = System.nanoTime();
    private long unknownSyscalls;
    private IntConsumer exitListener = pid -> { };
    private final TextIds commTexts = new TextIds(comms);
    private final TextIds pathTexts = new TextIds(paths);

    /**
     * A pipeline feeding {@code consumer} with each event and calling {@code flush}
     * when the source goes idle and at least every {@code flushIntervalNs} while busy.
     */
    public EventPipeline(SyscallTable table, ProcFs procFs, long bootToWallNs, long flushIntervalNs,
                         Consumer<IorEvent> consumer, Runnable flush) {
        this.table = table;
        this.processes = new ProcessTable(paths, procFs);
        this.resolver = new PathResolver(paths, processes);
        this.bootToWallNs = bootToWallNs;
        this.flushIntervalNs = flushIntervalNs;
        this.consumer = consumer;
        this.flush = flush;
    }

    /** Reads the fd tables of {@code pids} from /proc now (call before the first event). */
    public void snapshot(Collection<Integer> pids) {
        processes.snapshot(pids);
    }

    /** Events delivered so far. */
    public long events() {
        return event.seq;
    }

    /** Runs {@code listener} with the pid of every process that exits (after its fds are freed). */
    public void onProcessExit(IntConsumer listener) {
        exitListener = listener;
    }

    /** Records whose syscall number ior's table does not know (never expected). */
    public long unknownSyscalls() {
        return unknownSyscalls;
    }

    /** How many processes have fd tables in memory. */
    public int trackedProcesses() {
        return processes.size();
    }

    @Override
    public void onRaw(RawEvent raw) {
        switch (raw.kind) {
            case RawEvent.SYSCALL -> syscall(raw);
            case RawEvent.FORK -> processes.fork((int) raw.args[0], raw.pid);
            case RawEvent.EXEC -> processes.exec(raw.pid);
            case RawEvent.EXIT -> {
                processes.exit(raw.pid);
                exitListener.accept(raw.pid);
            }
            default -> { } // a kind this version does not know: newer kernel side
        }
    }

    @Override
    public void onEvent(IorEvent resolved) {
        PipelineEvent e = event;
        e.seq++;
        e.timeNs = resolved.timeNs();
        e.wallTimeNs = resolved.wallTimeNs();
        e.gapNs = resolved.gapNs();
        e.latencyNs = resolved.latencyNs();
        e.commId = commTexts.id(resolved.comm());
        e.pid = resolved.pid();
        e.tid = resolved.tid();
        e.syscall = resolved.syscall();
        e.fd = resolved.fd();
        e.ret = resolved.ret();
        e.bytes = resolved.bytes();
        e.fileId = pathTexts.id(resolved.file());
        e.oldFileId = resolved.oldFile().isEmpty() ? Interner.EMPTY : pathTexts.id(resolved.oldFile());
        e.fileTruncated = resolved.fileTruncated();
        e.errno = resolved.errno();
        e.restarts = resolved.restarts();
        deliver(e);
    }

    @Override
    public void onIdle() {
        lastFlushNs = System.nanoTime();
        flush.run();
    }

    private void syscall(RawEvent raw) {
        Syscall syscall = table.byNr(raw.nr);
        if (syscall == null) {
            unknownSyscalls++;
            return;
        }
        ProcessState process = processes.get(raw.pid);
        PipelineEvent e = event;
        long ret = raw.ret;
        int errno = Errno.of(ret);
        int fd = -1;
        int file = Interner.EMPTY;
        int oldFile = Interner.EMPTY;
        int fdArg = syscall.arg(ArgRole.FD);
        if (fdArg >= 0) {
            fd = (int) raw.args[fdArg];
            file = resolveOrEmpty(processes.resolveFd(process, fd));
        }
        int pathArg = syscall.arg(ArgRole.PATH);
        if (pathArg >= 0 && (raw.flags & RawEvent.PATH_FAULT) == 0) {
            file = resolveOrEmpty(resolver.resolve(process, dirfd(syscall, raw, ArgRole.DIRFD), raw.paths,
                    raw.pathOffset, raw.pathLength));
            if (syscall.has(ArgRole.PATH2) && (raw.flags & RawEvent.PATH2_FAULT) == 0) {
                oldFile = file;
                file = resolveOrEmpty(resolver.resolve(process, dirfd(syscall, raw, ArgRole.DIRFD2),
                        raw.paths, raw.path2Offset, raw.path2Length));
            }
        }
        if (errno == 0) {
            fd = applyEffect(syscall, raw, process, fd, file);
        }
        e.seq++;
        e.timeNs = raw.startNs;
        e.wallTimeNs = raw.startNs + bootToWallNs;
        e.gapNs = raw.gapNs;
        e.latencyNs = raw.latencyNs;
        e.commId = comm(raw);
        e.pid = raw.pid;
        e.tid = raw.tid;
        e.syscall = syscall;
        e.fd = fd;
        e.ret = ret;
        e.bytes = errno == 0 && (syscall.kind().readsBytes() || syscall.kind().writesBytes()) ? ret : 0;
        e.fileId = file;
        e.oldFileId = oldFile;
        e.fileTruncated = (raw.flags & (RawEvent.PATH_TRUNCATED | RawEvent.PATH2_TRUNCATED)) != 0;
        e.errno = errno;
        e.restarts = raw.restarts;
        deliver(e);
    }

    private void deliver(PipelineEvent e) {
        consumer.accept(e);
        if ((e.seq & (FLUSH_CHECK_EVERY - 1)) == 0) {
            long now = System.nanoTime();
            if (now - lastFlushNs >= flushIntervalNs) {
                lastFlushNs = now;
                flush.run();
            }
        }
    }

    /** Updates the fd table for a successful call; returns the fd the event shows. */
    private int applyEffect(Syscall syscall, RawEvent raw, ProcessState process, int fd, int file) {
        long ret = raw.ret;
        switch (syscall.effect()) {
            case NEW_FD -> {
                int flagsArg = syscall.arg(ArgRole.FLAGS);
                boolean cloexec = flagsArg >= 0 && (raw.args[flagsArg] & O_CLOEXEC) != 0;
                processes.open(process, (int) ret, file, cloexec);
                return (int) ret;
            }
            case DUP -> processes.open(process, (int) ret, file, false);
            case DUP_TO -> {
                int target = (int) raw.args[syscall.arg(ArgRole.FD2)];
                if (target != fd) {
                    boolean cloexec = syscall.args().size() > 2 && (raw.args[2] & O_CLOEXEC) != 0;
                    processes.open(process, target, file, cloexec);
                }
            }
            case CLOSE -> processes.close(process, fd);
            case CLOSE_RANGE -> processes.closeRange(process, raw.args[0] & 0xffffffffL,
                    raw.args[1] & 0xffffffffL, (raw.args[2] & CLOSE_RANGE_CLOEXEC) != 0);
            case FCNTL -> {
                int cmd = (int) raw.args[1];
                if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC) {
                    processes.open(process, (int) ret, file, cmd == F_DUPFD_CLOEXEC);
                } else if (cmd == F_SETFD) {
                    processes.open(process, fd, file, (raw.args[2] & FD_CLOEXEC) != 0);
                }
            }
            case CHDIR -> processes.chdir(process, file);
            case FCHDIR -> processes.chdir(process, file);
            case PIPE -> {
                // The two new fds come back through user memory: the kernel side copied
                // them into the argument. Their names (pipe:[inode]) are looked up on use.
                long pair = raw.args[syscall.arg(ArgRole.DEREF)];
                processes.close(process, (int) pair);
                processes.close(process, (int) (pair >>> 32));
            }
            case NONE -> { }
        }
        return fd;
    }

    private static int dirfd(Syscall syscall, RawEvent raw, ArgRole role) {
        int arg = syscall.arg(role);
        return arg >= 0 ? (int) raw.args[arg] : PathResolver.AT_FDCWD;
    }

    private static int resolveOrEmpty(int pathId) {
        return pathId == ProcessState.UNKNOWN ? Interner.EMPTY : pathId;
    }

    /**
     * Interned ids of resolved events' strings, found by value without allocating; the
     * last string is remembered by identity, as a recording's strings repeat as the same
     * instances.
     */
    private static final class TextIds {
        private final Interner interner;
        private final Object2IntHashMap<String> ids = new Object2IntHashMap<>(-1);
        private String last;
        private int lastId;

        TextIds(Interner interner) {
            this.interner = interner;
        }

        int id(String text) {
            if (text != last) {
                int id = ids.getValue(text);
                if (id < 0) {
                    id = interner.intern(text);
                    ids.put(text, id);
                }
                last = text;
                lastId = id;
            }
            return lastId;
        }
    }

    private int comm(RawEvent raw) {
        if (raw.commLow == lastCommLow && raw.commHigh == lastCommHigh && lastCommId >= 0) {
            return lastCommId;
        }
        commBytes.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, raw.commLow);
        commBytes.set(ValueLayout.JAVA_LONG_UNALIGNED, 8, raw.commHigh);
        int length = 0;
        while (length < 16 && commBytes.get(ValueLayout.JAVA_BYTE, length) != 0) {
            length++;
        }
        lastCommLow = raw.commLow;
        lastCommHigh = raw.commHigh;
        lastCommId = comms.intern(commBytes, 0, length);
        return lastCommId;
    }
}
