package dev.ior.core.proc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a process already had open from {@code /proc}: used once per process,
 * at the start of a session or when a process is first seen, never per event.
 */
public final class ProcFs {

    /** O_CLOEXEC as fdinfo shows it in its octal {@code flags:} line. */
    private static final int O_CLOEXEC = 02000000;

    /** One open fd of a process. */
    public record OpenFd(int fd, String target, boolean cloexec) {
    }

    /** A /proc with no processes: for sources whose events do not come from this host. */
    public static final ProcFs NONE = new ProcFs(Path.of("/nonexistent/ior/proc"));

    private final Path root;

    /** Reads the real {@code /proc}. */
    public ProcFs() {
        this(Path.of("/proc"));
    }

    /** Reads a /proc-shaped tree at {@code root} (tests). */
    public ProcFs(Path root) {
        this.root = root;
    }

    /** Whether a process with this pid exists now. */
    public boolean exists(int pid) {
        return Files.isDirectory(root.resolve(Integer.toString(pid)));
    }

    /** Whether thread {@code tid} belongs to process {@code pid} now. */
    public boolean isThreadOf(int tid, int pid) {
        return Files.isDirectory(root.resolve(pid + "/task/" + tid));
    }

    /** Every pid in /proc now. */
    public List<Integer> pids() {
        List<Integer> pids = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(root)) {
            for (Path entry : dir) {
                String name = entry.getFileName().toString();
                if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                    pids.add(Integer.parseInt(name));
                }
            }
        } catch (IOException e) {
            return pids;
        }
        return pids;
    }

    /** The process's working directory, or null when it is gone or unreadable. */
    public String cwd(int pid) {
        return link(root.resolve(pid + "/cwd"));
    }

    /** The target of one fd ({@code /etc/hosts}, {@code pipe:[123]}), or null. */
    public String fdTarget(int pid, int fd) {
        return link(root.resolve(pid + "/fd/" + fd));
    }

    /** The process's command name, or null when it is gone. */
    public String comm(int pid) {
        try {
            // readAllLines, not readString: /proc files report size 0 and readString
            // then returns only the first byte
            List<String> lines = Files.readAllLines(root.resolve(pid + "/comm"));
            return lines.isEmpty() ? null : lines.get(0);
        } catch (IOException e) {
            return null;
        }
    }

    /** Every fd the process has open now, with its close-on-exec flag. */
    public List<OpenFd> openFds(int pid) {
        List<OpenFd> fds = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(root.resolve(pid + "/fd"))) {
            for (Path entry : dir) {
                int fd = Integer.parseInt(entry.getFileName().toString());
                String target = link(entry);
                if (target != null) {
                    fds.add(new OpenFd(fd, target, cloexec(pid, fd)));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return fds; // gone, or not ours to read
        }
        return fds;
    }

    private boolean cloexec(int pid, int fd) {
        try {
            for (String line : Files.readAllLines(root.resolve(pid + "/fdinfo/" + fd))) {
                if (line.startsWith("flags:")) {
                    return (Integer.parseInt(line.substring(6).strip(), 8) & O_CLOEXEC) != 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return false;
        }
        return false;
    }

    private static String link(Path path) {
        try {
            return Files.readSymbolicLink(path).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}
