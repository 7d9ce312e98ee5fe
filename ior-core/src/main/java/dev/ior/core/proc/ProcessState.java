package dev.ior.core.proc;

import dev.ior.core.text.HeldIds;
import org.agrona.collections.Int2IntHashMap;
import org.agrona.collections.IntHashSet;

/**
 * One process's view of its files: fd → path id (interned), which fds close on
 * exec, and the working directory. Threads of a process share it.
 */
public final class ProcessState {

    /** No path known. */
    public static final int UNKNOWN = -1;

    final int pid;
    int cwd = UNKNOWN;
    final Int2IntHashMap fds = new Int2IntHashMap(UNKNOWN);
    final IntHashSet cloexec = new IntHashSet();
    /** fds looked up in /proc without success: not looked up again. */
    final IntHashSet unresolvable = new IntHashSet();
    /**
     * The inode behind an fd as the kernel side last reported it, its low 32 bits (all a
     * pipe pair's record carries); 0 = not reported.
     */
    final Int2IntHashMap inodes = new Int2IntHashMap(0);

    ProcessState(int pid) {
        this.pid = pid;
    }

    /** The process id. */
    public int pid() {
        return pid;
    }

    /** The path id of the working directory, or {@link #UNKNOWN}. */
    public int cwd() {
        return cwd;
    }

    /** The path id behind {@code fd}, or {@link #UNKNOWN} (no lookup). */
    public int fd(int fd) {
        return fds.get(fd);
    }

    /** How many fds are known. */
    public int fdCount() {
        return fds.size();
    }

    /** Names the path ids this process holds (cwd and fds). */
    void markHeld(HeldIds held) {
        held.path(cwd);
        fds.forEach((fd, path) -> held.path(path));
    }

    void open(int fd, int path, boolean closeOnExec) {
        fds.put(fd, path);
        unresolvable.remove(fd);
        inodes.remove(fd);
        if (closeOnExec) {
            cloexec.add(fd);
        } else {
            cloexec.remove(fd);
        }
    }

    void close(int fd) {
        fds.remove(fd);
        cloexec.remove(fd);
        unresolvable.remove(fd);
        inodes.remove(fd);
    }

    void closeRange(long first, long last, boolean onlyMarkCloexec) {
        fds.keySet().removeIf(fd -> {
            if (fd < first || fd > last) {
                return false;
            }
            if (onlyMarkCloexec) {
                cloexec.add(fd);
                return false;
            }
            cloexec.remove(fd);
            inodes.remove(fd);
            return true;
        });
    }

    void exec() {
        cloexec.forEach(fd -> {
            fds.remove(fd);
            inodes.remove(fd);
        });
        cloexec.clear();
    }

    ProcessState forkedAs(int childPid) {
        ProcessState child = new ProcessState(childPid);
        child.cwd = cwd;
        child.fds.putAll(fds);
        child.cloexec.addAll(cloexec);
        child.inodes.putAll(inodes);
        return child;
    }
}
