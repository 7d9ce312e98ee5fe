package dev.ior.bpf.check;

import dev.ior.bpf.check.PreflightException.Requirement;
import dev.ior.bpf.sys.Libc;
import dev.ior.bpf.sys.SysException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The kernel's tracing file system, where ior learns which syscalls this kernel has
 * (events/syscalls/sys_enter_*). A fresh machine often has it unmounted: ior mounts
 * it at /sys/kernel/tracing itself.
 */
public final class Tracefs {

    /** Where ior mounts tracefs when nothing has. */
    public static final Path DEFAULT_MOUNT = Path.of("/sys/kernel/tracing");

    private final Path root;

    private Tracefs(Path root) {
        this.root = root;
    }

    /** The mounted tracefs, mounting it at {@link #DEFAULT_MOUNT} if nothing has. */
    public static Tracefs mountIfNeeded() {
        Path mounted = findMount();
        if (mounted != null) {
            return new Tracefs(mounted);
        }
        try {
            Libc.mount("tracefs", DEFAULT_MOUNT.toString());
        } catch (SysException e) {
            throw new PreflightException(Requirement.TRACEFS, "tracefs is not mounted and ior could not mount it at "
                    + DEFAULT_MOUNT + " (" + e.getMessage() + ")", "mount it with sudo mount -t tracefs tracefs "
                    + DEFAULT_MOUNT);
        }
        return new Tracefs(DEFAULT_MOUNT);
    }

    /** The mount point of tracefs from /proc/mounts, or null. */
    public static Path findMount() {
        return Mounts.find("tracefs").orElse(null);
    }

    /** Where it is mounted. */
    public Path root() {
        return root;
    }

    /** Whether this kernel has the trace event {@code system/name} (e.g. io_uring/io_uring_complete). */
    public boolean hasEvent(String system, String name) {
        return Files.isDirectory(root.resolve("events").resolve(system).resolve(name));
    }

    /** The names of the syscalls this kernel has tracepoints for. */
    public Set<String> syscalls() {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> events = Files.list(root.resolve("events/syscalls"))) {
            events.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("sys_enter_"))
                    .forEach(n -> names.add(n.substring("sys_enter_".length())));
        } catch (IOException e) {
            throw new PreflightException(Requirement.TRACEFS,
                    "cannot list the kernel's syscalls in " + root.resolve("events/syscalls") + " (" + e + ")",
                    "ior needs root to read tracefs: run it with sudo");
        }
        return names;
    }
}
