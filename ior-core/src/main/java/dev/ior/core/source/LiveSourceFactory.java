package dev.ior.core.source;

/**
 * Makes the live kernel source. ior-core does not know BPF: ior-bpf registers its
 * implementation with {@link java.util.ServiceLoader} under this interface.
 */
public interface LiveSourceFactory {

    /** A new, unopened live source. */
    EventSource create();
}
