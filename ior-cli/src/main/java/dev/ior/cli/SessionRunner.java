package dev.ior.cli;

import dev.ior.core.IorException;
import dev.ior.core.IorSession;
import java.io.UncheckedIOException;
import java.time.Duration;

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
    private boolean finished;
    private volatile boolean started;
    private int exitCode;

    SessionRunner(IorSession session, Duration duration) {
        this.session = session;
        this.duration = duration;
    }

    /**
     * Runs the session. {@code completeOutput} runs once the session is closed (flush a
     * stream, finish a file) and may throw an {@link IorException}, reported like a
     * session failure.
     *
     * @return the exit code: 0, or the failure's
     */
    int run(Runnable completeOutput) throws InterruptedException {
        return run(() -> { }, completeOutput);
    }

    /** {@link #run(Runnable)}, with {@code onStarted} run once the probes are attached. */
    int run(Runnable onStarted, Runnable completeOutput) throws InterruptedException {
        session.startAsync(); // load and attach; failures surface here, before any output
        started = true;
        onStarted.run();
        Thread hook = new Thread(() -> finish(completeOutput), "ior-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (duration == null) {
            session.awaitTermination();
        } else if (!session.awaitTermination(duration)) {
            session.stop();
        }
        finish(completeOutput);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs or ran: it finished the same way
        }
        return exitCode;
    }

    /** Whether the session started (so it traced something). */
    boolean started() {
        return started;
    }

    private synchronized void finish(Runnable completeOutput) {
        if (finished) {
            return;
        }
        finished = true;
        session.close();
        IorException error = failure(session.failure());
        try {
            completeOutput.run();
        } catch (UncheckedIOException e) {
            // stdout is gone (a closed pipe): the summary still goes to stderr
        } catch (IorException e) {
            error = error == null ? e : error;
        }
        if (error != null) {
            System.err.println("ior: " + error.getMessage());
            exitCode = error.exitCode();
        }
        System.err.println(session.counters().summaryLine());
        System.err.flush();
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
