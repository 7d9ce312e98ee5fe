package dev.ior.bpf.libbpf;

import dev.ior.bpf.ffi.Libbpf;
import dev.ior.bpf.ffi.libbpf_print_fn_t;
import dev.ior.bpf.sys.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Routes libbpf's log into {@link System.Logger} ("dev.ior.bpf.libbpf", DEBUG for
 * warnings, TRACE for the rest: quiet unless asked) and keeps the last lines, so a
 * failure can quote what libbpf said. Installed once per JVM.
 */
public final class LibbpfLog {

    private static final System.Logger LOG = System.getLogger("dev.ior.bpf.libbpf");
    private static final int KEEP = 32;
    private static final Deque<String> RECENT = new ArrayDeque<>();
    private static boolean installed;

    private LibbpfLog() {
    }

    /** Installs the print callback (idempotent). */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        MemorySegment callback = libbpf_print_fn_t.allocate(LibbpfLog::print, Arena.global());
        Libbpf.libbpf_set_print(callback);
        installed = true;
    }

    /** The most recent warning-level line, or "" if libbpf said nothing. */
    public static synchronized String lastWarning() {
        return RECENT.isEmpty() ? "" : RECENT.peekLast();
    }

    /** Clears the remembered lines (before an operation whose failure should quote them). */
    public static synchronized void clear() {
        RECENT.clear();
    }

    /** The upcall: must never throw, or the JVM dies. */
    private static int print(int level, MemorySegment format, MemorySegment vaList) {
        try {
            String line = Libc.vformat(format.reinterpret(Long.MAX_VALUE), vaList).strip();
            if (level == Libbpf.LIBBPF_WARN()) {
                remember(line);
                LOG.log(System.Logger.Level.DEBUG, line);
            } else {
                LOG.log(System.Logger.Level.TRACE, line);
            }
        } catch (Throwable ignored) {
            // nothing may escape an upcall
        }
        return 0;
    }

    private static synchronized void remember(String line) {
        if (line.isEmpty()) {
            return;
        }
        if (RECENT.size() == KEEP) {
            RECENT.removeFirst();
        }
        RECENT.addLast(line);
    }
}
