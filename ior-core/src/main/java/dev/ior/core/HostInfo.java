package dev.ior.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Facts about the host ior runs on, read from /proc (no DNS lookup, no process spawned). */
public final class HostInfo {

    private HostInfo() {
    }

    /** The host name (the kernel's, as {@code uname -n} prints it). */
    public static String hostname() {
        return firstLine(Path.of("/proc/sys/kernel/hostname"), "localhost");
    }

    /** The kernel release ({@code uname -r}). */
    public static String kernelRelease() {
        return firstLine(Path.of("/proc/sys/kernel/osrelease"), "unknown");
    }

    private static String firstLine(Path file, String fallback) {
        try {
            // readAllLines, not readString: /proc files report size 0
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() ? fallback : lines.get(0).strip();
        } catch (IOException e) {
            return fallback;
        }
    }
}
