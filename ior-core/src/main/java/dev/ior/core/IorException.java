package dev.ior.core;

/**
 * A failure the user can act on. The message is one sentence that says what went
 * wrong and what to do; command-line front ends print it as a single line and exit
 * with {@link #exitCode()}, never with a stack trace.
 */
public class IorException extends RuntimeException {

    /** Exit code for a failure while running (the default). */
    public static final int RUNTIME_ERROR = 1;
    /** Exit code for bad input: a usage, option or filter error. */
    public static final int USAGE_ERROR = 2;

    private final int exitCode;

    /** A runtime failure with the given message. */
    public IorException(String message) {
        this(message, RUNTIME_ERROR, null);
    }

    /** A runtime failure with the given message and cause. */
    public IorException(String message, Throwable cause) {
        this(message, RUNTIME_ERROR, cause);
    }

    /** A failure with an explicit exit code ({@link #RUNTIME_ERROR} or {@link #USAGE_ERROR}). */
    public IorException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The process exit code a command-line front end should use. */
    public int exitCode() {
        return exitCode;
    }
}
