package dev.ior.core.analysis;

import dev.ior.core.pipeline.InternedEvent;
import dev.ior.core.stats.Row;
import dev.ior.core.syscall.Syscall;
import dev.ior.core.text.Interner;
import java.util.Arrays;

/**
 * The strings behind the ids the aggregates are keyed by: comms and paths from the
 * pipeline's interners, syscalls from the ones seen. Pipeline thread only (the
 * interners make each string once, on first request).
 */
final class Names {

    private Interner comms;
    private Interner paths;
    private Syscall[] syscalls = new Syscall[512];
    private Syscall last;

    /** Notes the interners and the syscall of {@code event}; cheap when nothing is new. */
    void note(InternedEvent event, Syscall syscall) {
        if (syscall == last) {
            return;
        }
        last = syscall;
        if (comms == null) {
            comms = event.comms();
            paths = event.paths();
        }
        int id = syscall.id();
        if (id >= syscalls.length) {
            syscalls = Arrays.copyOf(syscalls, Math.max(id + 1, syscalls.length * 2));
        }
        if (syscalls[id] != syscall) {
            syscalls[id] = syscall;
        }
    }

    String comm(int id) {
        return comms.string(id);
    }

    /** The path of {@code id}; "(other)" for the path of evicted keys. */
    String path(int id) {
        return id == KeyTable.OTHER ? Row.OTHER : paths.string(id);
    }

    Syscall syscall(int id) {
        return syscalls[id];
    }

    /** Syscall ids seen are below this. */
    int syscallLimit() {
        return syscalls.length;
    }

    String syscallName(int id) {
        return syscalls[id].name();
    }
}
