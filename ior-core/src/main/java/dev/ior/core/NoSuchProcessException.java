package dev.ior.core;

/** A process the user named (by pid) does not exist. */
public final class NoSuchProcessException extends IorException {

    /** The pid that names no running process. */
    public NoSuchProcessException(int pid) {
        super("no process with pid " + pid + " is running", USAGE_ERROR, null);
    }
}
