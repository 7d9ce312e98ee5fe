package dev.ior.core;

import java.util.Set;

/**
 * The filters a live session applies in the kernel, before any record is made, so a
 * busy host is traced cheaply. They can be replaced while the session runs.
 *
 * @param pids         processes to trace; empty = all
 * @param tid          the one thread to trace; 0 = all
 * @param comm         the command name to trace, exact (at most 15 bytes); "" = all
 * @param minLatencyNs drop calls faster than this; 0 = keep all
 * @param follow       also trace every process the traced ones fork, from fork on
 */
public record KernelFilter(Set<Integer> pids, int tid, String comm, long minLatencyNs,
                           boolean follow) {

    /** No filtering: every process on the host except ior itself. */
    public static final KernelFilter NONE = new KernelFilter(Set.of(), 0, "", 0, false);

    public KernelFilter {
        pids = Set.copyOf(pids);
        if (tid < 0) {
            throw new IorException("--tid must be a thread id above 0, not " + tid,
                    IorException.USAGE_ERROR, null);
        }
        for (int pid : pids) {
            if (pid <= 0) {
                throw new IorException("--pid must be a process id above 0, not " + pid,
                        IorException.USAGE_ERROR, null);
            }
        }
        if (minLatencyNs < 0) {
            throw new IorException("the minimum latency cannot be negative",
                    IorException.USAGE_ERROR, null);
        }
    }

    /** This filter with {@code pids} instead. */
    public KernelFilter withPids(Set<Integer> newPids) {
        return new KernelFilter(newPids, tid, comm, minLatencyNs, follow);
    }

    /** This filter with {@code newTid} instead. */
    public KernelFilter withTid(int newTid) {
        return new KernelFilter(pids, newTid, comm, minLatencyNs, follow);
    }

    /** This filter with {@code newComm} instead. */
    public KernelFilter withComm(String newComm) {
        return new KernelFilter(pids, tid, newComm, minLatencyNs, follow);
    }

    /** This filter with {@code nanos} as the minimum latency. */
    public KernelFilter withMinLatencyNs(long nanos) {
        return new KernelFilter(pids, tid, comm, nanos, follow);
    }

    /** This filter following forks or not. */
    public KernelFilter withFollow(boolean newFollow) {
        return new KernelFilter(pids, tid, comm, minLatencyNs, newFollow);
    }
}
