package dev.ior.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After each test, checks that no ior BPF program, link or map is left in the kernel
 * without a process holding it: every way ior ends must release them (the kernel does
 * when the last fd goes; a pinned or leaked one would stay). Objects held by a live
 * process (another ior running beside the tests) are not leftovers. Detached programs
 * are freed after an RCU grace period: the check waits up to 5 s.
 */
final class NoBpfLeftovers implements AfterEachCallback {

    private static final Pattern PROG = Pattern.compile("^(\\d+): \\S+\\s+name (ior_\\S+)");
    private static final Pattern MAP = Pattern.compile("^(\\d+): \\S+\\s+name (ior_\\S+|\\.rodata\\.ior)");
    private static final Pattern LINK = Pattern.compile("^(\\d+): \\S+\\s+prog (\\d+)");
    private static final Pattern FDINFO_ID = Pattern.compile("^(prog_id|link_id|map_id):\\s+(\\d+)", Pattern.MULTILINE);

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        assertNoneLeft();
    }

    /** Fails unless, within 5 s, every ior program, link and map is held by a live process. */
    static void assertNoneLeft() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<String> left = unheld();
        while (!left.isEmpty()) {
            if (System.nanoTime() > deadline) {
                fail("ior BPF objects left in the kernel with no process holding them: " + left);
            }
            Thread.sleep(100);
            left = unheld();
        }
    }

    /** ior's programs, their links and ior's maps that no process holds, directly or through a program. */
    static List<String> unheld() throws Exception {
        Set<String> held = heldIds();
        Set<String> iorPrograms = new HashSet<>();
        Set<String> mapsOfHeldPrograms = new HashSet<>();
        List<String> left = new ArrayList<>();
        String program = null;
        for (String line : bpftool("prog")) {
            Matcher m = PROG.matcher(line);
            if (m.find()) {
                program = m.group(1);
                iorPrograms.add(program);
                if (!held.contains("prog_id:" + program)) {
                    left.add("prog " + program + " " + m.group(2));
                }
            } else if (line.contains("map_ids") && program != null && held.contains("prog_id:" + program)) {
                mapsOfHeldPrograms.addAll(List.of(line.replaceAll(".*map_ids\\s+", "").strip().split(",")));
            } else if (!line.startsWith("\t")) {
                program = null;
            }
        }
        for (String line : bpftool("link")) {
            Matcher m = LINK.matcher(line);
            if (m.find() && iorPrograms.contains(m.group(2)) && !held.contains("link_id:" + m.group(1))) {
                left.add("link " + m.group(1) + " of prog " + m.group(2));
            }
        }
        for (String line : bpftool("map")) {
            Matcher m = MAP.matcher(line);
            if (m.find() && !held.contains("map_id:" + m.group(1)) && !mapsOfHeldPrograms.contains(m.group(1))) {
                left.add("map " + m.group(1) + " " + m.group(2));
            }
        }
        return left;
    }

    /** Every BPF object id any live process holds an fd to, as "prog_id:N", "link_id:N", "map_id:N". */
    private static Set<String> heldIds() {
        Set<String> ids = new HashSet<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fdinfo"))) {
                    for (Path fd : fds) {
                        String info = Files.readString(fd, StandardCharsets.UTF_8);
                        Matcher m = FDINFO_ID.matcher(info);
                        while (m.find()) {
                            ids.add(m.group(1) + ":" + m.group(2));
                        }
                    }
                } catch (IOException | SecurityException gone) {
                    // the process or fd went away meanwhile
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    private static List<String> bpftool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bpftool"));
        command.addAll(List.of(args));
        if (args.length == 1) {
            command.add("show");
        }
        Process bpftool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(bpftool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        bpftool.waitFor();
        return out.lines().toList();
    }
}
