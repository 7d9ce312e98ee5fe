package dev.ior.bpf.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the kernel's pseudo file systems (tracefs, securityfs) are mounted, from /proc/mounts. */
public final class Mounts {

    private static final Path PROC_MOUNTS = Path.of("/proc/mounts");

    private Mounts() {
    }

    /** The first mount point of a file system of {@code type}. */
    public static Optional<Path> find(String type) {
        try {
            for (String line : Files.readAllLines(PROC_MOUNTS)) {
                String[] fields = line.split(" ");
                if (fields.length > 2 && fields[2].equals(type)) {
                    return Optional.of(Path.of(fields[1]));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
