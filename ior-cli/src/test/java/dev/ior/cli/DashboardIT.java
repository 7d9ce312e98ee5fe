package dev.ior.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.EventRecord;
import dev.ior.core.record.RecordingMetadata;
import dev.ior.core.record.RecordingReader;
import dev.ior.core.testing.RequiresRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sudo ./ior} as a user sees it: the packaged jar in a real terminal (tmux), tracing a real workload. */
class DashboardIT {

    private static final Pattern RECORDED = Pattern.compile("recorded ([\\d,]+) events to (\\S+\\.parquet)");
    private static final Pattern SUMMARY = Pattern.compile("ior: events=(\\d+) lost_kernel=0 dropped_user=0");

    @Test
    void withoutATerminalIorSaysWhatToUseAndExitsWithAUsageError() throws Exception {
        var result = IorProcess.run(List.of());
        assertEquals(2, result.exitCode());
        assertEquals(List.of("ior: the dashboard needs a terminal: use 'ior trace' or 'ior record'"),
                result.stderrLines());
    }

    @Test
    @RequiresRoot
    void pickerTabsKeysFiltersAndARecordingInARealTerminal(@TempDir Path dir) throws Exception {
        // a name of this run's own: the picker lists every process, a concurrent run's too
        String name = "e2e-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100_000;
        Path known = dir.resolve(name + ".dat");
        // a shell appending to one file every 20 ms: it opens the file for every line, always as one pid
        Process workload = new ProcessBuilder("sh", "-c", "while :; do echo ior >> " + known + "; sleep 0.02; done")
                .start();
        String command = "cd " + Tmux.shell(List.of(dir.toString())) + " && LANG=C.UTF-8 "
                + Tmux.shell(IorProcess.command()) + " 2> ior.err; echo $? > ior.exit";
        try (Tmux terminal = new Tmux(200, 50, command)) {
            terminal.awaitText("Trace which process? (filtered in the kernel)");
            terminal.await("All PIDs first", s -> s.get(4).strip().equals("All PIDs"), Duration.ofSeconds(15));
            // by pid: a child the shell forks for sleep shows the same command line for a moment
            terminal.type(Long.toString(workload.pid()));
            terminal.await("the workload alone", s -> s.get(4).strip().equals("All PIDs")
                    && s.get(5).strip().startsWith(workload.pid() + "  sh ") && s.get(6).isBlank(),
                    Duration.ofSeconds(20));
            terminal.keys("Enter");

            terminal.awaitText(" 1 Flamegraph   2 Overview   3 Syscalls   4 Files   5 Processes   6 Latency+Gaps"
                    + "   7 Stream");
            // a capture may fall between two rows of a frame being drawn: wait for each row
            terminal.await("the picked pid as the kernel filter", s -> s.get(47).endsWith("kernel: --pid "
                    + workload.pid()), Duration.ofSeconds(15));
            terminal.await("the flamegraph's toolbar", s -> s.get(1).startsWith("o:order(comm/syscall/path)  b:count"
                    + "  space:live"), Duration.ofSeconds(15));
            terminal.await("the workload's frames",
                    s -> s.get(46).equals("all") && s.get(45).split(" ")[0].equals("sh"),
                    Duration.ofSeconds(20));

            terminal.keys("o");
            terminal.await("the second ordering", s -> s.get(1).startsWith("o:order(path/syscall/comm)  b:count"),
                    Duration.ofSeconds(15));
            terminal.await("paths at the bottom", s -> s.get(45).contains(name + ".dat"), Duration.ofSeconds(15));
            terminal.keys("b");
            terminal.await("the byte metric", s -> s.get(1).startsWith("o:order(path/syscall/comm)  b:bytes"),
                    Duration.ofSeconds(15));

            terminal.keys("4");
            terminal.await("the file in the Files tab", s -> s.get(3).startsWith("FILE ") && s.stream().anyMatch(
                    row -> row.startsWith(known + " ")), Duration.ofSeconds(15));
            terminal.keys("g"); // the cursor from the top down to the file's row (rows may reorder meanwhile)
            for (int i = 0; i < 10 && !terminal.screen().get(2).startsWith(known + "  p50 "); i++) {
                terminal.keys("j");
                Thread.sleep(200);
            }
            terminal.await("the cursor on the file", s -> s.get(2).startsWith(known + "  p50 "),
                    Duration.ofSeconds(15));
            terminal.keys("Enter");
            terminal.await("the filter frame", s -> s.get(47).startsWith("filter: file=" + known + " "),
                    Duration.ofSeconds(15));
            terminal.keys("Escape");
            terminal.await("the frame popped", s -> s.get(47).startsWith("filter: all "), Duration.ofSeconds(15));

            terminal.keys("P", "Tab", "Tab"); // tick every syscall, untick them all, then tick the writes
            terminal.type("write");
            terminal.keys("Tab", "Enter");
            terminal.await("the probe set", s -> s.get(47).matches(".*kernel: --pid " + workload.pid()
                    + "  probes: \\d+ syscalls") && s.get(49).matches("tracing \\d+ syscalls"), Duration.ofSeconds(15));
            terminal.keys("P", "C-d", "Enter"); // the default set again
            terminal.await("every probe", s -> s.get(47).endsWith("kernel: --pid " + workload.pid()),
                    Duration.ofSeconds(15));

            terminal.keys("R");
            terminal.await("recording in the health line",
                    s -> s.get(48).matches(".*   REC ior-.+\\.parquet [\\d,]+ events"),
                    Duration.ofSeconds(15));
            Thread.sleep(1500);
            terminal.keys("R");
            List<String> screen = terminal.await("the recording finished", s -> RECORDED.matcher(s.get(48)).find(),
                    Duration.ofSeconds(30));
            Matcher recorded = RECORDED.matcher(screen.get(48));
            assertTrue(recorded.find());
            long events = Long.parseLong(recorded.group(1).replace(",", ""));
            Path file = Path.of(recorded.group(2));
            assertEquals(dir, file.getParent(), "in the working directory");

            terminal.keys("q");
            assertEquals("0", awaitFile(dir.resolve("ior.exit")), "q ends ior");
            List<String> err = Files.readAllLines(dir.resolve("ior.err"));
            assertTrue(SUMMARY.matcher(err.getLast()).matches(), err.toString());

            List<EventRecord> rows = new ArrayList<>();
            try (RecordingReader reader = RecordingReader.open(file)) {
                assertEquals("dashboard", reader.metadata().get(RecordingMetadata.MODE));
                assertEquals("--pid " + workload.pid(), reader.metadata().get(RecordingMetadata.FILTERS));
                for (EventRecord e; (e = reader.next()) != null; ) {
                    rows.add(e);
                }
            }
            assertEquals(events, rows.size(), "every event the status line counted is in the file");
            assertTrue(events >= 30, "1.5 s of the workload: " + events);
            assertTrue(rows.stream().allMatch(e -> e.pid() == workload.pid()), "the picked process only");
            long opens = rows.stream().filter(e -> e.syscall().name().equals("openat")
                    && e.file().equals(known.toString())).count();
            assertTrue(opens >= 10, "the shell opens the file for every line: " + opens);
            replayShowsTheRecording(file, known, events);
        } finally {
            workload.destroyForcibly().waitFor();
        }
    }

    /** {@code ior replay FILE}: the same dashboard on the recording, no picker. */
    private static void replayShowsTheRecording(Path file, Path known, long events) throws Exception {
        Path dir = file.getParent();
        String command = "cd " + Tmux.shell(List.of(dir.toString())) + " && LANG=C.UTF-8 "
                + Tmux.shell(IorProcess.command("replay", file.toString())) + " 2> replay.err; echo $? > replay.exit";
        try (Tmux terminal = new Tmux(200, 50, command)) {
            terminal.awaitText(" 1 Flamegraph ");
            terminal.keys("4");
            terminal.await("the recorded file", s -> s.stream().anyMatch(row -> row.startsWith(known + " ")),
                    Duration.ofSeconds(20));
            terminal.keys("2");
            terminal.await("every recorded event", s -> s.get(2).startsWith(String.format("%,d events seen", events)),
                    Duration.ofSeconds(20));
            terminal.keys("q");
            assertEquals("0", awaitFile(dir.resolve("replay.exit")), "q ends the replay");
        }
    }

    @Test
    @RequiresRoot
    void aFamilyAttachedFromTheProbePickerStartsProducingRows(@TempDir Path dir) throws Exception {
        Process workload = new ProcessBuilder("sh", "-c", "while :; do sleep 0.02; done").start();
        String command = "cd " + Tmux.shell(List.of(dir.toString())) + " && LANG=C.UTF-8 "
                + Tmux.shell(IorProcess.command("--comm", "sleep")) + " 2> ior.err; echo $? > ior.exit";
        try (Tmux terminal = new Tmux(200, 50, command)) {
            terminal.awaitText(" 1 Flamegraph "); // --comm: no picker
            terminal.keys("3");
            terminal.await("sleep's file syscalls", s -> s.stream().anyMatch(r -> r.matches("openat +FS +.*")),
                    Duration.ofSeconds(20));
            assertTrue(terminal.screen().stream().noneMatch(r -> r.matches("(clock_)?nanosleep .*")),
                    "Time is not traced by default");
            terminal.keys("P", "C-f");
            terminal.awaitText("Probes by family: attached live");
            terminal.type("time");
            terminal.keys("Space");
            terminal.await("the family attached", s -> s.get(48).matches(" attached Time: (\\d+)/\\1 of its syscalls traced"),
                    Duration.ofSeconds(20));
            terminal.keys("Escape");
            terminal.await("sleep's nanosleeps in the Syscalls tab",
                    s -> s.stream().anyMatch(r -> r.matches("(clock_)?nanosleep +Time +[1-9].*")),
                    Duration.ofSeconds(20));
            terminal.keys("q");
            assertEquals("0", awaitFile(dir.resolve("ior.exit")), "q ends ior");
        } finally {
            workload.destroyForcibly().waitFor();
        }
    }

    @Test
    @RequiresRoot
    void aSignalFinishesTheRecordingIntoAReadableFile(@TempDir Path dir) throws Exception {
        Process workload = new ProcessBuilder("sh", "-c", "while :; do echo ior >> " + dir.resolve("w.dat")
                + "; sleep 0.02; done").start();
        String command = "cd " + Tmux.shell(List.of(dir.toString())) + " && sh -c 'echo $$ > ior.pid; exec \"$@\"' sh "
                + Tmux.shell(IorProcess.command("--pid", Long.toString(workload.pid())))
                + " 2> ior.err; echo $? > ior.exit";
        try (Tmux terminal = new Tmux(200, 50, command)) {
            terminal.awaitText(" 1 Flamegraph "); // --pid: no picker
            terminal.keys("R");
            terminal.await("a recording with events",
                    s -> s.get(48).matches(".*   REC ior-.+\\.parquet [1-9][\\d,]* events"),
                    Duration.ofSeconds(20));
            String pid = awaitFile(dir.resolve("ior.pid"));
            new ProcessBuilder("kill", "-TERM", pid).start().waitFor();
            assertEquals("143", awaitFile(dir.resolve("ior.exit")), "ended by SIGTERM");
            List<String> err = Files.readAllLines(dir.resolve("ior.err"));
            assertTrue(SUMMARY.matcher(err.getLast()).matches(), "the summary line last: " + err);
        } finally {
            workload.destroyForcibly().waitFor();
        }
        Path file;
        try (var files = Files.list(dir)) {
            file = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        try (RecordingReader reader = RecordingReader.open(file)) {
            long rows = 0;
            for (EventRecord e; (e = reader.next()) != null; rows++) {
                assertEquals(workload.pid(), e.pid());
            }
            assertTrue(rows > 0);
            assertEquals(Long.toString(rows), reader.metadata().get(RecordingMetadata.ROWS), "a finished file");
        }
    }

    @Test
    @RequiresRoot
    void bigEOpensTheExportInTheEditorAsTheUserWhoRanSudoAndGivesTheTerminalBack(@TempDir Path dir) throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx")); // the editor runs as nobody
        Path editor = dir.resolve("editor.sh");
        Files.writeString(editor, "#!/bin/sh\necho \"$(id -u) $(wc -l < \"$1\") $1\" > " + dir.resolve("edited")
                + "\necho \"the editor has the terminal\"\nsleep 2\n");
        Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwxr-xr-x"));
        String command = "cd " + Tmux.shell(List.of(dir.toString())) + " && LANG=C.UTF-8 SUDO_UID=65534 SUDO_GID=65534"
                + " SUDO_USER=nobody EDITOR=" + Tmux.shell(List.of(editor.toString())) + " "
                + Tmux.shell(IorProcess.command("--comm", "ior-none")) + " 2> ior.err; echo $? > ior.exit";
        try (Tmux terminal = new Tmux(200, 50, command)) {
            terminal.awaitText(" 1 Flamegraph "); // --comm: no picker
            terminal.keys("7", "e");
            List<String> screen = terminal.await("the export",
                    s -> s.get(49).matches("exported 0 events to .*\\.csv \\(E opens it\\)"),
                    Duration.ofSeconds(20));
            Path export = Path.of(screen.get(49).replaceAll("exported 0 events to (.*) \\(E opens it\\)", "$1"));
            assertEquals(65534, Files.getAttribute(export, "unix:uid"), "the export belongs to the user who ran sudo");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(export)));
            terminal.keys("E");
            terminal.await("the editor's screen",
                    s -> s.stream().anyMatch(row -> row.contains("the editor has the terminal"))
                    && s.stream().noneMatch(row -> row.contains(" 1 Flamegraph ")), Duration.ofSeconds(20));
            assertEquals("65534 1 " + export, awaitFile(dir.resolve("edited")),
                    "the editor ran as that user, on the file");
            terminal.await("the dashboard back", s -> s.get(0).startsWith(" 1 Flamegraph   2 Overview ")
                    && s.get(1).startsWith("space:live"), Duration.ofSeconds(20));
            terminal.keys("q");
            assertEquals("0", awaitFile(dir.resolve("ior.exit")));
        }
    }

    /** The first line of {@code file} once something wrote it (at most 30 s). */
    private static String awaitFile(Path file) throws Exception {
        for (int i = 0; i < 300 && !(Files.exists(file) && Files.size(file) > 0); i++) {
            Thread.sleep(100);
        }
        return Files.readString(file).strip();
    }
}
