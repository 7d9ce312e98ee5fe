package dev.ior.cli;

import dev.ior.core.IorException;
import dev.ior.core.IorSession;
import dev.ior.core.SyscallSampling;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a headless session to its end (--duration, Ctrl-C, SIGTERM, the source
 * running dry, or a failure), then finishes exactly once: detach, complete the
 * output, print any error, and print the summary line last. Ctrl-C goes through the
 * same finish from the shutdown hook, so output and summary are complete whichever
 * way the run ends.
 */
final class SessionRunner {

    private final IorSession session;
    private final Duration duration;
    private final Duration finishTimeout;
    private boolean finished;
    private boolean started;
    private int exitCode;

    /**
     * @param duration      how long to run; null = until a signal or the source's end
     * @param finishTimeout how long detaching and completing the output may take before
     *                      ior gives up on a blocked output and exits anyway
     */
    SessionRunner(IorSession session, Duration duration, Duration finishTimeout) {
        this.session = session;
        this.duration = duration;
        this.finishTimeout = finishTimeout;
    }

    /**
     * Runs the session. {@code completeOutput} runs once the session is closed (flush a
     * stream, finish a file) and may throw an {@link IorException}, reported like a
     * session failure.
     *
     * @return the exit code: 0, or the failure's
     */
    int run(Runnable completeOutput) throws InterruptedException {
        return run(() -> { }, completeOutput, () -> { });
    }

    /**
     * {@link #run(Runnable)}, with {@code onStarted} run once the probes are attached and
     * {@code abandonOutput} run instead of completing the output when Ctrl-C or SIGTERM
     * comes while ior is still loading (nothing was traced: leave nothing half-made).
     */
    int run(Runnable onStarted, Runnable completeOutput, Runnable abandonOutput) throws InterruptedException {
        stopWhenTracedProcessesExit();
        Thread hook = new Thread(() -> onSignal(completeOutput, abandonOutput), "ior-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            session.startAsync(); // load and attach; failures surface here, before any output
        } catch (RuntimeException e) {
            removeHook(hook);
            throw e;
        }
        if (!markStarted()) {
            return exitCode; // a signal came while loading: the JVM is going down after the hook
        }
        onStarted.run();
        if (duration == null) {
            session.awaitTermination();
        } else if (!session.awaitTermination(duration)) {
            session.stop();
        }
        finish(completeOutput);
        removeHook(hook);
        return exitCode;
    }

    /** Ctrl-C or SIGTERM: finish as any run ends, or, still loading, leave without tracing. */
    private synchronized void onSignal(Runnable completeOutput, Runnable abandonOutput) {
        if (started) {
            finish(completeOutput);
            return;
        }
        finished = true; // the loading thread must not start tracing now
        abandonOutput.run();
        // The loading thread may hold the half-loaded object: it is not touched here, the
        // kernel frees every program, link and map of this process as it exits.
        System.err.println("ior: stopped while loading, before tracing started");
        System.err.println(session.counters().summaryLine());
        System.err.flush();
    }

    private synchronized boolean markStarted() {
        if (finished) {
            return false;
        }
        started = true;
        return true;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs or ran: it finished the same way
        }
    }

    /**
     * A run traced by pid ends, with exit code 0, once every traced process has exited:
     * there is nothing left to trace. Each exit is said on stderr. With --follow the
     * run goes on: children the kernel followed may outlive their parent.
     */
    private void stopWhenTracedProcessesExit() {
        Set<Integer> running = ConcurrentHashMap.newKeySet();
        running.addAll(session.settings().filter().pids());
        if (running.isEmpty()) {
            return;
        }
        boolean follow = session.settings().filter().follow();
        session.onTracedProcessExit(pid -> {
            System.err.println("ior: traced process " + pid + " exited"
                    + (follow ? "; the children it forked are still traced" : ""));
            running.remove(pid);
            if (running.isEmpty() && !follow) {
                session.stop();
            }
        });
    }

    /** Whether the session started (so it traced something). */
    synchronized boolean started() {
        return started;
    }

    private synchronized void finish(Runnable completeOutput) {
        if (finished) {
            return;
        }
        finished = true;
        IorException[] error = {null};
        Thread closing = Thread.ofPlatform().daemon(true).name("ior-finish").start(() -> {
            session.close();
            error[0] = failure(session.failure());
            try {
                completeOutput.run();
            } catch (UncheckedIOException e) {
                // stdout is gone (a closed pipe): the summary still goes to stderr
            } catch (IorException e) {
                error[0] = error[0] == null ? e : error[0];
            }
        });
        if (!joined(closing)) {
            // A reader that stopped reading (a paused pager, a stuck pipe) holds the
            // output: a blocked write cannot be cancelled, so ior leaves without it rather
            // than ignoring Ctrl-C. The kernel detaches the probes as the process ends.
            System.err.println("ior: the output is blocked (nothing reads it): stopping without writing the rest");
            System.err.println(session.counters().summaryLine());
            System.err.flush();
            Runtime.getRuntime().halt(IorException.RUNTIME_ERROR);
        }
        if (error[0] != null) {
            System.err.println("ior: " + error[0].getMessage());
            exitCode = error[0].exitCode();
        }
        printSamplingTotals();
        System.err.println(session.counters().summaryLine());
        System.err.flush();
    }

    /** The kernel's exact totals of each sampled syscall, one line each, before the summary. */
    private void printSamplingTotals() {
        List<SyscallSampling> totals = session.samplingTotals();
        for (SyscallSampling total : totals) {
            System.err.println("ior: sampled syscall=" + total.syscall().name() + " rate=" + total.rate() + " calls="
                    + total.calls() + " traced=" + total.traced() + " counted_only=" + total.countedOnly());
        }
        if (!totals.isEmpty()) {
            System.err.println("ior: sampling: gap_ns is measured between the calls that became events");
        }
    }

    private boolean joined(Thread closing) {
        try {
            return closing.join(finishTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The failure to report, if any: {@code ior trace | head} closing the pipe is a normal end. */
    private static IorException failure(Throwable failure) {
        if (failure == null || isBrokenPipe(failure)) {
            return null;
        }
        return failure instanceof IorException ior ? ior : new IorException("tracing failed: " + failure, failure);
    }

    private static boolean isBrokenPipe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UncheckedIOException || t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }
}
