package dev.ior.cli;

import dev.ior.core.IorException;
import dev.ior.core.IorSession;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a headless session to its end (--duration, Ctrl-C, SIGTERM, or the source
 * running dry), then finishes exactly once: detach, flush the output, print the
 * summary line. Ctrl-C goes through the same finish, from the shutdown hook, so the
 * output is complete and the summary printed whichever way the run ends.
 */
final class SessionRunner {

    private final IorSession session;
    private final Duration duration;
    private final AtomicBoolean finished = new AtomicBoolean();

    SessionRunner(IorSession session, Duration duration) {
        this.session = session;
        this.duration = duration;
    }

    /** Runs the session; {@code flushOutput} completes the output before the summary. */
    int run(Runnable flushOutput) throws InterruptedException {
        session.startAsync(); // load and attach; failures surface here, before any output
        Thread hook = new Thread(() -> finish(flushOutput), "ior-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (duration == null) {
            session.awaitTermination();
        } else {
            session.awaitTermination(duration);
        }
        finish(flushOutput);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs or ran: it finished the same way
        }
        Throwable failure = session.failure();
        if (failure == null || isBrokenPipe(failure)) {
            return 0;
        }
        if (failure instanceof IorException ior) {
            throw ior;
        }
        throw new IorException("tracing failed: " + failure.getMessage(), failure);
    }

    private synchronized void finish(Runnable flushOutput) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        session.close();
        try {
            flushOutput.run();
        } catch (UncheckedIOException e) {
            // stdout is gone (a closed pipe): the summary still goes to stderr
        }
        System.err.println(session.counters().summaryLine());
        System.err.flush();
    }

    /** {@code ior trace | head}: the reader went away; that is a normal end. */
    private static boolean isBrokenPipe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UncheckedIOException || t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }
}
