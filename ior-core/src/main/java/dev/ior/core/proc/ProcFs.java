package dev.ior.core.proc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.ior.core.text.Utf8Escaper;
import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * A running process as a picker lists it.
     *
     * @param pid     the process id
     * @param comm    its command name, escaped ({@code \xHH})
     * @param cmdline its arguments joined by spaces, escaped; "" for kernel threads
     */
    public record ProcessInfo(int pid, String comm, String cmdline) {
    }

    /**
     * A thread of a running process.
     *
     * @param pid  the process (thread group) id
     * @param tid  the thread id
     * @param comm the thread's command name, escaped
     */
    public record ThreadInfo(int pid, int tid, String comm) {
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
        return numbered(root);
    }

    /** The entries of {@code dir} named by a number. */
    private static List<Integer> numbered(Path dir) {
        List<Integer> numbers = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.isEmpty() && name.length() < 10 && name.chars().allMatch(Character::isDigit)) {
                    numbers.add(Integer.parseInt(name));
                }
            }
        } catch (IOException e) {
            return numbers;
        }
        return numbers;
    }

    private static List<Integer> sorted(List<Integer> numbers) {
        numbers.sort(null);
        return numbers;
    }

    /** A /proc file's bytes (read to the end: /proc reports size 0), or null when it is gone. */
    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] firstLine(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != '\n') {
            end++;
        }
        return Arrays.copyOf(bytes, end);
    }

    /** NUL-separated arguments as one escaped line. */
    private static String arguments(byte[] cmdline) {
        int end = cmdline.length;
        while (end > 0 && cmdline[end - 1] == 0) {
            end--;
        }
        StringBuilder line = new StringBuilder();
        int from = 0;
        for (int i = 0; i <= end; i++) {
            if (i == end || cmdline[i] == 0) {
                if (!line.isEmpty()) {
                    line.append(' ');
                }
                line.append(Utf8Escaper.decode(Arrays.copyOfRange(cmdline, from, i)));
                from = i + 1;
            }
        }
        return line.toString();
    }

    /** Every process in /proc now with its command name and line, by pid; those gone meanwhile are left out. */
    public List<ProcessInfo> processes() {
        List<ProcessInfo> processes = new ArrayList<>();
        for (int pid : sorted(pids())) {
            byte[] comm = read(root.resolve(pid + "/comm"));
            byte[] cmdline = read(root.resolve(pid + "/cmdline"));
            if (comm != null && cmdline != null) {
                processes.add(new ProcessInfo(pid, Utf8Escaper.decode(firstLine(comm)), arguments(cmdline)));
            }
        }
        return processes;
    }

    /** The threads of process {@code pid} now, by tid; empty when it is gone. */
    public List<ThreadInfo> threads(int pid) {
        List<ThreadInfo> threads = new ArrayList<>();
        for (int tid : sorted(numbered(root.resolve(pid + "/task")))) {
            byte[] comm = read(root.resolve(pid + "/task/" + tid + "/comm"));
            if (comm != null) {
                threads.add(new ThreadInfo(pid, tid, Utf8Escaper.decode(firstLine(comm))));
            }
        }
        return threads;
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
