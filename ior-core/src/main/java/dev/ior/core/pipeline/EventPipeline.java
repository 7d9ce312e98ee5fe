package dev.ior.core.pipeline;

import dev.ior.core.Errno;
import dev.ior.core.IorEvent;
import dev.ior.core.proc.FdNames;
import dev.ior.core.proc.PathResolver;
import dev.ior.core.proc.ProcFs;
import dev.ior.core.proc.ProcessSnapshot;
import dev.ior.core.proc.ProcessState;
import dev.ior.core.proc.ProcessTable;
import dev.ior.core.source.EventSink;
import dev.ior.core.source.RawEvent;
import dev.ior.core.syscall.ArgRole;
import dev.ior.core.syscall.Effect;
import dev.ior.core.syscall.Syscall;
import dev.ior.core.syscall.SyscallClass;
import dev.ior.core.syscall.SyscallTable;
import dev.ior.core.text.HeldIds;
import dev.ior.core.text.IdHolder;
import dev.ior.core.text.Interner;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.agrona.collections.Object2IntHashMap;

/**
 * Turns raw records into events: resolves each call's fd and path against its
 * process's fd table, applies the call's effect on that table, interns strings and
 * hands the finished event to the consumers. Runs on the source's thread only; no
 * locks and no allocation per event once strings and processes have been seen.
 *
 * <p>What a row shows: {@code fd}/{@code file} name what the call acted on (a new fd
 * for opens and other fd-creating calls); a rename, link or symlink puts its new name
 * in {@code file} and its old name (a symlink's target, as given) in {@code old_file};
 * a transfer puts the file it wrote in {@code fd}/{@code file} and the file it read in
 * {@code old_fd}/{@code old_file}.
 */
public final class EventPipeline implements EventSink {

    private static final int O_CLOEXEC = 02000000;
    private static final int FD_CLOEXEC = 1;
    private static final int F_DUPFD = 0;
    private static final int F_SETFD = 2;
    private static final int F_DUPFD_CLOEXEC = 1030;
    private static final int CLOSE_RANGE_CLOEXEC = 1 << 2;
    private static final int MAP_ANONYMOUS = 0x20;
    private static final int EBADF = 9;
    /** io_uring record arguments (bpf-src/ior_uring.bpf.h): sqe flags, fixed-file slot. */
    private static final int URING_SQE_FLAGS = 4;
    private static final int URING_FILE_SLOT = 5;
    private static final int IOSQE_FIXED_FILE = 1;
    /** Check the clock for a periodic flush once per this many events. */
    private static final int FLUSH_CHECK_EVERY = 4096;
    /**
     * The interners free unused ids once they hold this many strings, then each time
     * they hold twice as many as the last collection kept: amortised O(1) per string,
     * memory bounded by twice what is in use.
     */
    static final int COLLECT_AT_LEAST = 1 << 16;
    /** How often processes gone without an exit record are looked for in /proc. */
    private static final long SWEEP_INTERVAL_NS = 10_000_000_000L;

    private final SyscallTable table;
    private final Interner comms = new Interner();
    private final Interner paths = new Interner();
    private final ProcessTable processes;
    private final PathResolver resolver;
    private final FdNames fdNames = new FdNames(paths);
    private final PipelineEvent event = new PipelineEvent(comms, paths);
    private final CommIds commIds = new CommIds(comms);
    private final Consumer<IorEvent> consumer;
    private final Runnable flush;
    private final long bootToWallNs;
    private final long flushIntervalNs;
    private long lastFlushNs = System.nanoTime();
    private long unknownSyscalls;
    private IntConsumer exitListener = pid -> { };
    private final TextIds commTexts = new TextIds(comms);
    private final TextIds pathTexts = new TextIds(paths);
    private final List<IdHolder> idHolders = new ArrayList<>();
    private final boolean sweepsProcesses;
    private int collectCommsAt = COLLECT_AT_LEAST;
    private int collectPathsAt = COLLECT_AT_LEAST;
    private long collections;
    private long lastSweepNs = System.nanoTime();

    /**
     * A pipeline feeding {@code consumer} with each event and calling {@code flush}
     * when the source goes idle and at least every {@code flushIntervalNs} while busy.
     */
    public EventPipeline(SyscallTable table, ProcFs procFs, long bootToWallNs, long flushIntervalNs,
                         Consumer<IorEvent> consumer, Runnable flush) {
        this.table = table;
        this.processes = new ProcessTable(paths, procFs);
        this.resolver = new PathResolver(paths, processes);
        this.sweepsProcesses = procFs != ProcFs.NONE;
        idHolders.add(processes);
        this.bootToWallNs = bootToWallNs;
        this.flushIntervalNs = flushIntervalNs;
        this.consumer = consumer;
        this.flush = flush;
    }

    /** Reads the fd tables of {@code pids} from /proc now (call before the first event); returns them. */
    public List<ProcessSnapshot> snapshot(Collection<Integer> pids) {
        return processes.snapshot(pids);
    }

    /** Events delivered so far. */
    public long events() {
        return event.seq;
    }

    /**
     * Runs {@code listener} with the pid of every process that exits (after its fds are
     * freed), also of one found gone from /proc without an exit record.
     */
    public void onProcessExit(IntConsumer listener) {
        exitListener = listener;
    }

    /**
     * Asks {@code holder} which comm and path ids it still holds whenever the interners
     * free unused ones: a consumer that keeps ids of {@link InternedEvent}s beyond the
     * callback must register here, before the first event.
     */
    public void retainIdsOf(IdHolder holder) {
        idHolders.add(holder);
    }

    /** Distinct paths held now. */
    public int internedPaths() {
        return paths.liveCount();
    }

    /** Distinct command names held now. */
    public int internedComms() {
        return comms.liveCount();
    }

    /** How many times the interners freed unused ids. */
    public long collections() {
        return collections;
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
            case RawEvent.SYSCALL -> call(raw, table.byNr(raw.nr));
            case RawEvent.URING -> call(raw, table.byUringOp(raw.nr));
            case RawEvent.FORK -> processes.fork((int) raw.args[0], raw.pid);
            case RawEvent.EXEC -> processes.exec(raw.pid);
            case RawEvent.EXIT -> {
                processes.exit(raw.pid);
                exited(raw.pid);
            }
            default -> { } // a kind this version does not know: newer kernel side
        }
        collectIfDue();
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
        e.oldFd = resolved.oldFd();
        e.fileTruncated = resolved.fileTruncated();
        e.errno = resolved.errno();
        e.restarts = resolved.restarts();
        deliver(e);
        collectIfDue();
    }

    @Override
    public void onIdle() {
        lastFlushNs = System.nanoTime();
        sweepIfDue(lastFlushNs);
        flush.run();
    }

    /**
     * Between two records: once the interners have grown enough, every holder names the
     * ids it keeps and the rest are freed.
     */
    private void collectIfDue() {
        if (paths.liveCount() < collectPathsAt && comms.liveCount() < collectCommsAt) {
            return;
        }
        HeldIds held = new HeldIds();
        for (IdHolder holder : idHolders) {
            holder.markHeld(held);
        }
        paths.retainOnly(held::hasPath);
        comms.retainOnly(held::hasComm);
        commTexts.clear();
        pathTexts.clear();
        commIds.clear();
        for (IdHolder holder : idHolders) {
            holder.afterCollection();
        }
        collectPathsAt = Math.max(COLLECT_AT_LEAST, 2 * paths.liveCount());
        collectCommsAt = Math.max(COLLECT_AT_LEAST, 2 * comms.liveCount());
        collections++;
    }

    /** Now and then: processes that vanished without an exit record (lost in a flood) are freed. */
    private void sweepIfDue(long now) {
        if (sweepsProcesses && now - lastSweepNs >= SWEEP_INTERVAL_NS) {
            lastSweepNs = now;
            processes.sweepGone(this::exited);
        }
    }

    private void exited(int pid) {
        exitListener.accept(pid);
    }

    private void call(RawEvent raw, Syscall syscall) {
        if (syscall == null) {
            unknownSyscalls++;
            return;
        }
        ProcessState process = processes.get(raw.pid);
        PipelineEvent e = event;
        long ret = raw.ret;
        int errno = Errno.of(ret);
        e.fd = -1;
        e.fileId = Interner.EMPTY;
        e.oldFd = -1;
        e.oldFileId = Interner.EMPTY;
        resolveFds(raw, syscall, process, e);
        resolvePaths(raw, syscall, process, e);
        if (errno == 0 || (syscall.effect() == Effect.CLOSE && errno != EBADF)) {
            applyEffect(syscall, raw, process, e); // close frees the fd even when it reports EINTR or EIO
        }
        if ((raw.flags & RawEvent.TRACK_ONLY) != 0) {
            return; // kept for the fd table only: not selected, or below the minimum latency
        }
        e.seq++;
        e.timeNs = raw.startNs;
        e.wallTimeNs = raw.startNs + bootToWallNs;
        e.gapNs = raw.gapNs;
        e.latencyNs = raw.latencyNs;
        e.commId = commIds.id(raw.commLow, raw.commHigh);
        e.pid = raw.pid;
        e.tid = raw.tid;
        e.syscall = syscall;
        e.ret = ret;
        SyscallClass kind = syscall.kind();
        e.bytes = errno == 0 && (kind.readsBytes() || kind.writesBytes()) ? ret : 0;
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
                sweepIfDue(now);
                flush.run();
            }
        }
    }

    /** The fd arguments: the one the call acts on; a transfer's output and input. */
    private void resolveFds(RawEvent raw, Syscall syscall, ProcessState process, PipelineEvent e) {
        int fdArg = syscall.arg(ArgRole.FD);
        if (fdArg >= 0 && !isAnonymousMap(raw, syscall)) {
            e.fd = (int) raw.args[fdArg];
            e.fileId = fileOf(raw, syscall, process, e.fd, argInode(raw, syscall));
        }
        int fd2Arg = syscall.arg(ArgRole.FD2);
        if (fd2Arg >= 0 && syscall.kind() == SyscallClass.TRANSFER) {
            e.oldFd = e.fd;
            e.oldFileId = e.fileId;
            e.fd = (int) raw.args[fd2Arg];
            e.fileId = fileOf(raw, syscall, process, e.fd, 0);
        }
    }

    /** The path arguments, made absolute; a second path makes the first the old name. */
    private void resolvePaths(RawEvent raw, Syscall syscall, ProcessState process, PipelineEvent e) {
        if ((raw.flags & RawEvent.FD_IDENTITY) != 0) {
            return; // the first path is the new fd's dentry name: applyEffect names the fd
        }
        int pathArg = syscall.arg(ArgRole.PATH);
        if (pathArg >= 0) {
            e.fileId = path(raw, syscall, process, pathArg, ArgRole.DIRFD, RawEvent.PATH_FAULT,
                    raw.pathOffset, raw.pathLength);
        } else if (syscall.has(ArgRole.TARGET) && (raw.flags & RawEvent.PATH_FAULT) == 0) {
            e.fileId = paths.intern(raw.paths, raw.pathOffset, raw.pathLength); // a symlink's target, as given
        }
        int path2Arg = syscall.arg(ArgRole.PATH2);
        if (path2Arg >= 0) {
            e.oldFileId = e.fileId;
            e.fileId = path(raw, syscall, process, path2Arg, ArgRole.DIRFD2, RawEvent.PATH2_FAULT,
                    raw.path2Offset, raw.path2Length);
        }
    }

    /**
     * One path argument resolved against its dirfd (or the cwd). A NULL pointer names
     * the dirfd itself, as an empty path does with AT_EMPTY_PATH (utimensat, fanotify_mark).
     */
    private int path(RawEvent raw, Syscall syscall, ProcessState process, int arg, ArgRole dirfdRole, int faultFlag,
                     long offset, int length) {
        int dirfd = dirfd(syscall, raw, dirfdRole);
        if ((raw.flags & faultFlag) != 0) {
            boolean nullPointer = !syscall.isUringOperation() && raw.args[arg] == 0;
            return nullPointer && dirfd != PathResolver.AT_FDCWD
                    ? resolveOrEmpty(processes.resolveFd(process, dirfd)) : Interner.EMPTY;
        }
        return resolveOrEmpty(resolver.resolve(process, dirfd, raw.paths, offset, length));
    }

    /**
     * The file behind fd, checked against the inode the kernel side read behind it (0:
     * none); nothing for an io_uring fixed file (an index, not an fd).
     */
    private int fileOf(RawEvent raw, Syscall syscall, ProcessState process, int fd, long inode) {
        if (syscall.isUringOperation() && (raw.args[URING_SQE_FLAGS] & IOSQE_FIXED_FILE) != 0) {
            return Interner.EMPTY;
        }
        return resolveOrEmpty(processes.resolveFd(process, fd, inode));
    }

    /** The inode behind the fd argument, when the record carries it (not a new fd's). */
    private static long argInode(RawEvent raw, Syscall syscall) {
        boolean newFd = switch (syscall.effect()) {
            case NEW_FD, NEW_FD_CLOEXEC, DUP -> true;
            default -> false;
        };
        return (raw.flags & RawEvent.FD_INODE) != 0 && !newFd ? raw.ino : 0;
    }

    /** fd names rejected because the kernel side saw another inode behind the fd. */
    public long staleFdNames() {
        return processes.staleNames();
    }

    private static boolean isAnonymousMap(RawEvent raw, Syscall syscall) {
        return syscall.kind() == SyscallClass.MMAP && syscall.has(ArgRole.FLAGS)
                && (raw.args[syscall.arg(ArgRole.FLAGS)] & MAP_ANONYMOUS) != 0;
    }

    /** Updates the fd table (or cwd) for a successful call and names a new fd on the event. */
    private void applyEffect(Syscall syscall, RawEvent raw, ProcessState process, PipelineEvent e) {
        long ret = raw.ret;
        switch (syscall.effect()) {
            case NEW_FD, NEW_FD_CLOEXEC -> {
                if (isFixedSlot(raw, syscall)) {
                    return; // installed in the ring's fixed-file table, not the fd table
                }
                e.fd = (int) ret;
                int name = newFdName(raw, e.fileId, (int) raw.ino);
                e.fileId = resolveOrEmpty(name);
                remember(process, e.fd, name, syscall.effect() == Effect.NEW_FD_CLOEXEC || cloexec(syscall, raw));
                rememberInode(raw, process, e.fd);
            }
            case DUP -> {
                processes.open(process, (int) ret, e.fileId, false);
                rememberInode(raw, process, (int) ret);
            }
            case DUP_TO -> {
                int target = (int) raw.args[syscall.arg(ArgRole.FD2)];
                if (target != e.fd) {
                    processes.open(process, target, e.fileId, cloexec(syscall, raw));
                }
            }
            case CLOSE -> {
                if (!isFixedSlot(raw, syscall)) {
                    processes.close(process, e.fd);
                }
            }
            case CLOSE_RANGE -> processes.closeRange(process, raw.args[0] & 0xffffffffL,
                    raw.args[1] & 0xffffffffL, (raw.args[2] & CLOSE_RANGE_CLOEXEC) != 0);
            case FCNTL -> {
                int cmd = (int) raw.args[1];
                if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC) {
                    processes.open(process, (int) ret, e.fileId, cmd == F_DUPFD_CLOEXEC);
                } else if (cmd == F_SETFD) {
                    processes.open(process, e.fd, e.fileId, (raw.args[2] & FD_CLOEXEC) != 0);
                }
            }
            case CHDIR, FCHDIR -> processes.chdir(process, e.fileId);
            case PIPE -> {
                long pair = raw.args[syscall.arg(ArgRole.DEREF)];
                boolean cloexec = cloexec(syscall, raw);
                int first = newFdName(raw, Interner.EMPTY, (int) raw.ino);
                remember(process, (int) pair, first, cloexec);
                remember(process, (int) (pair >>> 32), newFdName(raw, Interner.EMPTY, (int) (raw.ino >>> 32)), cloexec);
                e.fd = (int) pair;
                e.fileId = resolveOrEmpty(first);
            }
            case NONE, NO_RETURN, RESUME -> { }
        }
    }

    /**
     * The name of a new fd: its path if the call had one, else what the kernel side
     * read about the file (pipe:[ino], socket:[ino], anon_inode:[...]), else unknown.
     */
    private int newFdName(RawEvent raw, int pathId, int inode) {
        if ((raw.flags & RawEvent.FD_IDENTITY) != 0) {
            return fdNames.name(raw.fsMagic, inode & 0xffffffffL, raw.paths, raw.pathOffset, raw.pathLength);
        }
        return pathId == Interner.EMPTY ? ProcessState.UNKNOWN : pathId;
    }

    /** The inode the kernel side read behind a new fd, when the record carries it. */
    private void rememberInode(RawEvent raw, ProcessState process, int fd) {
        if ((raw.flags & RawEvent.FD_INODE) != 0) {
            processes.inode(process, fd, raw.ino);
        }
    }

    /** Records a new fd; one whose name is unknown is forgotten, to be read from /proc once on use. */
    private void remember(ProcessState process, int fd, int name, boolean cloexec) {
        if (name == ProcessState.UNKNOWN) {
            processes.close(process, fd);
        } else {
            processes.open(process, fd, name, cloexec);
        }
    }

    private static boolean isFixedSlot(RawEvent raw, Syscall syscall) {
        return syscall.isUringOperation() && raw.args[URING_FILE_SLOT] != 0;
    }

    private static boolean cloexec(Syscall syscall, RawEvent raw) {
        int flags = syscall.arg(ArgRole.FLAGS);
        if (flags >= 0) {
            return (raw.args[flags] & O_CLOEXEC) != 0;
        }
        int bit0 = syscall.arg(ArgRole.CLOEXEC1);
        return bit0 >= 0 && (raw.args[bit0] & 1) != 0;
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
        private Object2IntHashMap<String> ids = new Object2IntHashMap<>(-1);
        private String last;
        private int lastId;

        TextIds(Interner interner) {
            this.interner = interner;
        }

        void clear() {
            ids = new Object2IntHashMap<>(-1); // a new map: clear() would keep the capacity of the peak
            last = null;
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
}
