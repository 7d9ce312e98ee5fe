package dev.ior.bpf.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The offsets of the time namespace ior runs in ({@code /proc/self/timens_offsets},
 * Linux 5.6+): inside a container with its own time namespace, CLOCK_BOOTTIME reads
 * the kernel's boot clock plus an offset, while BPF records carry the kernel's own.
 */
final class TimeNamespace {

    private static final Path OFFSETS = Path.of("/proc/self/timens_offsets");

    private TimeNamespace() {
    }

    /** The boot clock's offset in nanoseconds; 0 outside a time namespace or before 5.6. */
    static long boottimeOffsetNanos() {
        return boottimeOffsetNanos(OFFSETS);
    }

    /** The same, read from {@code offsets} ({@code boottime <seconds> <nanoseconds>} lines). */
    static long boottimeOffsetNanos(Path offsets) {
        try {
            for (String line : Files.readAllLines(offsets)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length == 3 && (fields[0].equals("boottime") || fields[0].equals("7"))) {
                    return Long.parseLong(fields[1]) * 1_000_000_000L + Long.parseLong(fields[2]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0; // no time namespaces on this kernel: the clocks agree
        }
        return 0;
    }
}
