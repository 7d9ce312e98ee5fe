package dev.ior.example;

import dev.ior.core.IorEvent;
import dev.ior.core.IorException;
import dev.ior.core.IorSession;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Embeds ior: traces the file I/O of every process on the host for a few seconds, then
 * prints the bytes read and written per file, most first, and ior's summary line.
 * Needs root (or CAP_BPF and CAP_PERFMON), like ior itself.
 *
 * <pre>sudo java -jar target/file-bytes.jar [SECONDS] [TOP]</pre>
 */
public final class FileBytes {

    private FileBytes() {
    }

    public static void main(String[] args) throws InterruptedException {
        Duration duration = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 5);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Map<String, Long> bytesByFile = new ConcurrentHashMap<>();

        // Every syscall in ior's table: the opens too, so ior knows which file each fd is.
        try (IorSession session = IorSession.builder().build()) {
            // Runs on ior's reading thread; the event is reused, so take what you need now.
            session.onEvent((IorEvent event) -> {
                if (!event.file().isEmpty() && event.bytes() > 0) {
                    bytesByFile.merge(event.file(), event.bytes(), Long::sum);
                }
            });
            session.startAsync(); // loads and attaches: fails here, with a message, if it cannot trace
            System.out.println("tracing file I/O for " + duration.toSeconds() + " s");
            session.awaitTermination(duration);
            session.close(); // detached: the counters are final
            System.err.println(session.counters().summaryLine());
        } catch (IorException e) {
            // what ior cannot do here (not root, no BTF, no libbpf), said in one line
            System.err.println("file-bytes: " + e.getMessage());
            System.exit(e.exitCode());
        }

        bytesByFile.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(entry -> System.out.println(entry.getValue() + " " + entry.getKey()));
    }
}
