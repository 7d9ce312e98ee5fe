package dev.ior.core.proc;

import dev.ior.core.text.HeldIds;
import dev.ior.core.text.IdHolder;
import dev.ior.core.text.Interner;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.IntArrayList;

/**
 * The fd tables of every process ior has seen, keyed by pid: forks copy them, exec
 * drops close-on-exec fds, exit frees them. A process first seen without a fork
 * (it predates the session) is read once from /proc; an fd first seen without an
 * open (made by a call ior does not trace) is looked up once in /proc and then kept.
 */
public final class ProcessTable implements IdHolder {

    private final Interner paths;
    private final ProcFs procFs;
    private final Int2ObjectHashMap<ProcessState> processes = new Int2ObjectHashMap<>();
    private ProcessState last;
    private long staleNames;

    /** A table resolving against {@code procFs}, interning paths in {@code paths}. */
    public ProcessTable(Interner paths, ProcFs procFs) {
        this.paths = paths;
        this.procFs = procFs;
    }

    /**
     * Reads the open fds and cwd of {@code pids} now (the session's start snapshot) and
     * returns what was read.
     */
    public List<ProcessSnapshot> snapshot(Collection<Integer> pids) {
        List<ProcessSnapshot> read = new ArrayList<>();
        for (int pid : pids) {
            ProcessState state = load(pid);
            processes.put(pid, state);
            Map<Integer, String> fds = new HashMap<>();
            state.fds.forEach((fd, path) -> fds.put(fd, paths.string(path)));
            read.add(new ProcessSnapshot(pid, state.cwd == ProcessState.UNKNOWN ? "" : paths.string(state.cwd), fds));
        }
        last = null;
        return read;
    }

    /** The state of {@code pid}, read from /proc on first sight. */
    public ProcessState get(int pid) {
        ProcessState state = last;
        if (state != null && state.pid == pid) {
            return state;
        }
        state = processes.get(pid);
        if (state == null) {
            state = load(pid);
            processes.put(pid, state);
        }
        last = state;
        return state;
    }

    /** The path id behind {@code fd} of {@code process}, looking it up once in /proc if new. */
    public int resolveFd(ProcessState process, int fd) {
        int path = process.fds.get(fd);
        if (path != ProcessState.UNKNOWN || fd < 0 || process.unresolvable.contains(fd)) {
            return path;
        }
        String target = procFs.fdTarget(process.pid, fd);
        if (target == null) {
            process.unresolvable.add(fd);
            return ProcessState.UNKNOWN;
        }
        path = paths.intern(target);
        process.open(fd, path, false);
        return path;
    }

    /**
     * The path id behind {@code fd} of {@code process}, checked against {@code inode},
     * the inode the kernel side read behind the fd (0: not read). A name whose inode
     * differs is stale (the fd was reused where ior could not see it: a table shared
     * with another process, records lost in a flood) and is looked up again in /proc;
     * an inode seen for the first time is remembered.
     */
    public int resolveFd(ProcessState process, int fd, long inode) {
        if (inode == 0 || fd < 0) {
            return resolveFd(process, fd);
        }
        int known = process.inodes.get(fd);
        if (known != 0 && known != (int) inode) {
            process.close(fd);
            staleNames++;
        }
        int path = resolveFd(process, fd);
        if (path != ProcessState.UNKNOWN) {
            process.inodes.put(fd, (int) inode);
        }
        return path;
    }

    /** Records the inode behind {@code fd} of {@code process}, as the kernel side read it. */
    public void inode(ProcessState process, int fd, long inode) {
        if ((int) inode != 0 && process.fds.containsKey(fd)) {
            process.inodes.put(fd, (int) inode);
        }
    }

    /** fd names rejected because the kernel side saw another inode behind the fd. */
    public long staleNames() {
        return staleNames;
    }

    /** {@code child} starts with a copy of {@code parent}'s fds and cwd. */
    public void fork(int parent, int child) {
        processes.put(child, get(parent).forkedAs(child));
    }

    /** {@code pid} replaced its image: its close-on-exec fds are gone. */
    public void exec(int pid) {
        get(pid).exec();
    }

    /** {@code pid} exited: its state is freed. */
    public void exit(int pid) {
        processes.remove(pid);
        if (last != null && last.pid == pid) {
            last = null;
        }
    }

    @Override
    public void markHeld(HeldIds held) {
        processes.values().forEach(state -> state.markHeld(held));
    }

    /**
     * Frees the state of every process that is gone from /proc although ior saw no
     * exit (its exit record was lost in a flood, or it exited before the session
     * attached), passing each pid to {@code gone}. Reads /proc once per process held.
     */
    public void sweepGone(IntConsumer gone) {
        IntArrayList dead = new IntArrayList();
        processes.forEachInt((pid, state) -> {
            if (!procFs.exists(pid)) {
                dead.addInt(pid);
            }
        });
        for (int i = 0; i < dead.size(); i++) {
            int pid = dead.getInt(i);
            exit(pid);
            gone.accept(pid);
        }
    }

    /** How many processes are tracked. */
    public int size() {
        return processes.size();
    }

    /** Records that {@code fd} of {@code process} now names {@code path}. */
    public void open(ProcessState process, int fd, int path, boolean cloexec) {
        process.open(fd, path, cloexec);
    }

    /** Records that {@code fd} of {@code process} is closed. */
    public void close(ProcessState process, int fd) {
        process.close(fd);
    }

    /** close_range(first, last): closes the fds, or only marks them close-on-exec. */
    public void closeRange(ProcessState process, long first, long last, boolean cloexecOnly) {
        process.closeRange(first, last, cloexecOnly);
    }

    /** The working directory of {@code process} is now {@code path}. */
    public void chdir(ProcessState process, int path) {
        process.cwd = path;
    }

    private ProcessState load(int pid) {
        ProcessState state = new ProcessState(pid);
        String cwd = procFs.cwd(pid);
        if (cwd != null) {
            state.cwd = paths.intern(cwd);
        }
        for (ProcFs.OpenFd open : procFs.openFds(pid)) {
            state.open(open.fd(), paths.intern(open.target()), open.cloexec());
        }
        return state;
    }
}
