package dev.ior.core.analysis;

/**
 * Everything counted for one scope of value frames: the fine keys and the exact
 * per-syscall latency histograms. The session keeps one for all events and one more
 * per pushed value frame (latency, gap, bytes, ret, fd), counting from its push.
 */
final class KeyStore {

    /** The latency of a call that never returns: counted, but left out of every latency statistic. */
    static final long NO_LATENCY = -1;

    final KeyTable keys;
    final SyscallHistograms latency = new SyscallHistograms();
    /** What the last publication made of these keys, kept to make the next one cheaper. */
    final Tables tables = new Tables();

    KeyStore(AnalysisSettings settings) {
        this.keys = new KeyTable(settings.maxFiles(), settings.maxProcesses(), settings.maxKeys());
    }

    void record(int comm, int pid, int tid, int syscall, int path, int errno, long second, long latencyNs,
                long read, long written, long bytes, boolean countFlame) {
        keys.record(comm, pid, tid, syscall, path, errno, second, latencyNs, read, written, bytes, countFlame);
        if (latencyNs != NO_LATENCY) {
            latency.record(syscall, latencyNs);
        }
    }
}
