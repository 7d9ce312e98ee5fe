package dev.ior.bpf.libbpf;

import dev.ior.core.IorException;

/** Loading, attaching or talking to the BPF object failed; the message quotes libbpf. */
public final class BpfException extends IorException {

    /** A failure described by {@code message}. */
    public BpfException(String message) {
        super(message);
    }
}
