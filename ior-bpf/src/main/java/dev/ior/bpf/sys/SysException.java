package dev.ior.bpf.sys;

/** A libc call failed; carries errno and its text. */
public final class SysException extends RuntimeException {

    private final int errno;

    /** {@code call} failed with {@code errno}. */
    public SysException(String call, int errno) {
        super(call + ": " + Libc.strerror(errno));
        this.errno = errno;
    }

    /** The errno of the failure. */
    public int errno() {
        return errno;
    }
}
