package dev.ior.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.ior.core.EventRecord;
import dev.ior.core.IorEvent;
import dev.ior.core.IorException;
import dev.ior.core.record.RecordingMetadata;
import dev.ior.core.record.RecordingReader;
import dev.ior.core.synthetic.EventGenerator;
import dev.ior.core.synthetic.SyntheticSource;
import dev.ior.core.proc.ProcFs;
import dev.ior.core.syscall.SyscallTable;
import dev.ior.tui.render.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every tab shares: tabs, the filter and health lines, help, quitting, recording, pickers, the terminal. */
class DashboardUiTest {

    private static final int FILTER = 47;
    private static final int HEALTH = 48;
    private static final int MESSAGE = 49;

    @TempDir
    Path dir;

    @Test
    void numberKeysTabAndShiftTabSwitchTabs() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            String bar = h.row(0);
            assertEquals(" 1 Flamegraph   2 Overview   3 Syscalls   4 Files   5 Processes   6 Latency+Gaps   7 Stream",
                    bar.substring(0, bar.indexOf("Stream") + 6));
            assertTrue(bar.endsWith("H:help q:quit"));
            List<String> toolbars = List.of("o:order(", "sparklines:", "s:sort(", "s:sort(", "s:sort(", "j/k:syscall(",
                    "space:live");
            List<String> titles = List.of("Flamegraph", "Overview", "Syscalls", "Files", "Processes", "Latency+Gaps",
                    "Stream");
            for (int i = 0; i < 7; i++) {
                h.type(Integer.toString(i + 1));
                assertTrue(h.row(1).startsWith(toolbars.get(i)), h.row(1));
                assertActive(h, titles.get(i));
            }
            h.press(KeyType.Tab);
            assertActive(h, "Flamegraph");
            h.press(KeyType.ReverseTab).press(KeyType.ReverseTab);
            assertActive(h, "Latency+Gaps");
        }
    }

    private static void assertActive(Harness h, String title) {
        String bar = h.row(0);
        int at = bar.indexOf(title);
        assertEquals(TextColor.ANSI.CYAN, h.cell(at, 0).getBackgroundColor(), title + " is the active tab");
        for (String other : List.of("Flamegraph", "Overview", "Syscalls", "Files", "Processes", "Stream")) {
            if (!other.equals(title)) {
                assertEquals(TextColor.ANSI.DEFAULT, h.cell(bar.indexOf(other), 0).getBackgroundColor(), other);
            }
        }
    }

    @Test
    void helpListsEveryKeyOfTheTabShownAndAnyKeyClosesIt() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("H");
            String text = h.text();
            for (String line : List.of("Keys of Flamegraph (any key closes)", "zoom in; the rest greys out",
                    "next of the five orderings", "pause / resume the picture", "Everywhere",
                    "probe picker: the syscalls traced", "record the filtered events (Parquet)")) {
                assertTrue(text.contains(line), line);
            }
            h.type("x");
            assertFalse(h.text().contains("Keys of Flamegraph"));
            h.type("4H");
            assertTrue(h.text().contains("roll up to directories / back down"));
            assertFalse(h.text().contains("zoom in;"));
        }
        try (Harness h = Harness.builder(SyntheticSource.of(Events.workload()), dir).size(130, 24).build()) {
            h.type("H");
            String text = h.text();
            for (String line : List.of("pause / resume the picture", "quit (q asks while recording)",
                    "redraw the screen")) {
                assertTrue(text.contains(line), "side by side, everything fits 24 rows: " + line + "\n" + text);
            }
        }
    }

    @Test
    void fTypesAFilterFrameAndABadOneIsExplainedWithItsPosition() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("f");
            assertEquals("filter frame (comm~bash, latency>=5ms):", h.row(MESSAGE).stripTrailing());
            h.type("comm~BA").press(KeyType.Enter);
            assertTrue(h.row(FILTER).startsWith("filter: comm~BA "), h.row(FILTER));
            assertEquals(TextColor.ANSI.YELLOW, h.cell(0, FILTER).getBackgroundColor(), "a filter stands out");
            h.type("3");
            assertTrue(h.body().get(1).startsWith("read "), "comm~BA keeps bash: " + h.body());
            h.type("flatency>>5").press(KeyType.Enter);
            assertEquals("filter \"latency>>5\": expected a time such as 5ms, not \">5\" at position 9",
                    h.row(MESSAGE));
            assertTrue(h.row(FILTER).startsWith("filter: comm~BA "), "the stack is unchanged");
        }
    }

    @Test
    void escAndFPopFramesLastInFirstOut() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("3").type("fcomm=bash").press(KeyType.Enter).type("fsyscall=read").press(KeyType.Enter)
                    .type("ffile~hosts").press(KeyType.Enter);
            assertTrue(h.row(FILTER).startsWith("filter: comm=bash > syscall=read > file~hosts "), h.row(FILTER));
            h.type("F");
            assertTrue(h.row(FILTER).startsWith("filter: comm=bash > syscall=read "), h.row(FILTER));
            h.press(KeyType.Escape);
            assertTrue(h.row(FILTER).startsWith("filter: comm=bash "), h.row(FILTER));
            // holding Esc repeats it: every frame goes, then it says so
            h.press(KeyType.Escape).press(KeyType.Escape).press(KeyType.Escape);
            assertTrue(h.row(FILTER).startsWith("filter: all "), h.row(FILTER));
            assertEquals("filter: all (no frame to pop)", h.row(MESSAGE));
        }
    }

    @Test
    void qQuitsAndCtrlCToo() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            assertFalse(h.ui.done());
            h.type("q");
            assertTrue(h.ui.done());
        }
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.press(new KeyStroke('c', true, false));
            assertTrue(h.ui.done());
        }
    }

    @Test
    void rRecordsTheFilteredEventsAndQAsksBeforeQuittingWhileItRecords() throws Exception {
        var source = SyntheticSource.generated(EventGenerator.demo(), Long.MAX_VALUE).paced(50_000);
        try (Harness h = Harness.builder(source, dir).async().build()) {
            h.type("fcomm=nginx").press(KeyType.Enter);
            h.session.analysis().requestSnapshot().get();
            h.type("R");
            Path file = h.recorder.file();
            assertTrue(file.getFileName().toString().matches("ior-.+-\\d{8}T\\d{6}Z\\.parquet"), file.toString());
            assertEquals(dir, file.getParent());
            assertEquals("recording the filtered events to " + file, h.row(MESSAGE));
            Thread.sleep(300);
            String health = h.row(HEALTH);
            assertTrue(health.matches("\\d+ ev/s  lost 0  dropped 0  unmatched 0  ring 0%   REC " + file.getFileName()
                    + " [\\d,]+ events"), health);
            assertEquals(TextColor.ANSI.RED, h.cell(health.indexOf("REC"), HEALTH).getBackgroundColor());
            h.type("q");
            assertEquals("recording to " + file.getFileName() + ": stop it and quit? [y/N]", h.row(MESSAGE));
            h.type("n");
            assertFalse(h.ui.done());
            h.type("R");
            assertEquals("recording stopped: finishing " + file, h.row(MESSAGE));
            h.recorder.finish(Duration.ofSeconds(30));
            String done = h.row(HEALTH);
            assertTrue(done.matches(".*   recorded [\\d,]+ events to " + file), done);
            long written = Long.parseLong(done.replaceAll(".*recorded ([\\d,]+) events.*", "$1").replace(",", ""));
            assertTrue(written > 100, done);
            List<EventRecord> rows = new ArrayList<>();
            try (RecordingReader reader = RecordingReader.open(file)) {
                for (EventRecord e; (e = reader.next()) != null; ) {
                    rows.add(e);
                }
                assertEquals("dashboard", reader.metadata().get(RecordingMetadata.MODE));
                assertEquals("filter: comm=nginx", reader.metadata().get(RecordingMetadata.VIEW_FILTER));
                assertEquals("default", reader.metadata().get(RecordingMetadata.PROBES));
            }
            assertEquals(written, rows.size());
            assertTrue(rows.stream().allMatch(e -> e.comm().equals("nginx")), "only what passed the filter");
            for (int i = 1; i < rows.size(); i++) {
                assertTrue(rows.get(i).seq() > rows.get(i - 1).seq(), "in order, none twice");
            }
            h.type("q");
            assertTrue(h.ui.done(), "not recording: no question");
        }
    }

    @Test
    void quittingWhileRecordingWithYesStopsIt() throws Exception {
        var source = SyntheticSource.generated(EventGenerator.demo(), Long.MAX_VALUE).paced(20_000);
        try (Harness h = Harness.builder(source, dir).async().build()) {
            h.type("R").type("q").type("y");
            assertTrue(h.ui.done());
        }
        try (Stream<Path> files = Files.list(dir)) {
            Path file = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
            try (RecordingReader reader = RecordingReader.open(file)) {
                assertEquals(Long.parseLong(reader.metadata().get(RecordingMetadata.ROWS)), reader.rows(),
                        "closing the dashboard finished the file");
            }
        }
    }

    @Test
    void aTooSmallTerminalSaysSoAndResizingReflows() throws Exception {
        try (Harness h = Harness.builder(SyntheticSource.of(Events.workload()), dir).size(50, 12).build()) {
            assertEquals(List.of("terminal too small: 50x12", "ior needs at least 60x16", "q quits"),
                    h.screen().subList(0, 3));
            h.resize(100, 30);
            List<String> screen = h.screen();
            assertEquals(30, screen.size());
            assertTrue(screen.get(0).startsWith(" 1 Flame   2 Over   3 Sys "), "short tab names: " + screen.get(0));
            assertTrue(screen.get(27).startsWith("filter: all"), screen.get(27));
            assertTrue(screen.get(28).startsWith("10 ev/s"), screen.get(28));
            assertEquals("all", screen.get(26));
            assertTrue(screen.get(25).matches("bash +cat"), "frames reflow to 100 columns: " + screen.get(25));
            assertEquals(60, screen.get(25).indexOf("cat"));
            h.resize(130, 30);
            assertTrue(h.row(0).startsWith(" 1 Flamegraph   2 Overview "), h.row(0));
            assertEquals(78, h.row(25).indexOf("cat"));
        }
    }

    @Test
    void withNoColorNothingIsColouredAndTheCursorStillShows() throws Exception {
        assertFalse(Theme.fromEnvironment(java.util.Map.of("NO_COLOR", "1")).usesColour());
        assertTrue(Theme.fromEnvironment(java.util.Map.of("NO_COLOR", "")).usesColour(), "empty means unset");
        try (Harness h = Harness.builder(SyntheticSource.of(Events.workload()), dir).theme(Theme.monochrome())
                .build()) {
            for (String tab : List.of("1", "2", "3", "4", "5", "6", "7")) {
                h.type(tab);
                List<String> screen = h.screen();
                for (int row = 0; row < screen.size(); row++) {
                    for (int col = 0; col < 200; col++) {
                        TextCharacter c = h.cell(col, row);
                        assertEquals(TextColor.ANSI.DEFAULT, c.getForegroundColor(), tab + " " + col + "," + row);
                        assertEquals(TextColor.ANSI.DEFAULT, c.getBackgroundColor(), tab + " " + col + "," + row);
                    }
                }
            }
            h.type("3");
            h.screen();
            assertTrue(h.cell(30, 4).getModifiers().contains(SGR.REVERSE), "the row cursor in reverse video");
            h.type("1k");
            h.screen();
            assertTrue(h.cell(0, 45).getModifiers().containsAll(Set.of(SGR.BOLD, SGR.UNDERLINE)), "the selection");
            assertTrue(h.cell(120, 45).getModifiers().contains(SGR.REVERSE), "frames in reverse video");
        }
    }

    @Test
    void controlCharactersInNamesNeverReachTheTerminal() throws Exception {
        List<IorEvent> events = List.of(Events.ev(Events.S, "ev\u001bil", 5, 5, "openat", "/tmp/\u001b[2J\u0007x",
                Events.US, 0, 3));
        try (Harness h = Harness.of(events, dir)) {
            for (String tab : List.of("1", "2", "3", "4", "5", "6", "7")) {
                h.type(tab).type("k");
                List<String> screen = h.screen();
                for (String row : screen) {
                    assertTrue(row.chars().noneMatch(Character::isISOControl), tab + ": " + row);
                }
            }
            h.type("4");
            assertTrue(h.body().get(1).startsWith("/tmp/\\x1b[2J\\x07x "), h.body().get(1));
            h.type("7");
            assertTrue(h.text().contains("ev\\x1bil"));
        }
    }

    @Test
    void thePidPickerListsProcessesTypingNarrowsAndEnterSetsTheKernelFilter(@TempDir Path proc) throws Exception {
        FakeProc.process(proc, 2, "kthreadd", ""); // a kernel thread: no syscalls to trace, not listed
        FakeProc.process(proc, 1001, "nginx", "nginx: worker process");
        FakeProc.process(proc, 1002, "java", "java -jar app.jar");
        FakeProc.thread(proc, 1001, 1001, "nginx");
        FakeProc.thread(proc, 1001, 1005, "nginx-io");
        var source = SyntheticSource.generated(EventGenerator.demo(), Long.MAX_VALUE).paced(50_000);
        try (Harness h = Harness.builder(source, dir).procFs(new ProcFs(proc)).async().build()) {
            h.type("p");
            String text = h.text();
            assertTrue(text.contains("Trace which process? (filtered in the kernel)"));
            List<String> entries = h.screen().subList(4, 7).stream().map(String::strip).toList();
            assertEquals(List.of("All PIDs", "1001  nginx            nginx: worker process",
                    "1002  java             java -jar app.jar"), entries);
            assertEquals(TextColor.ANSI.DEFAULT, h.cell(1, 4).getBackgroundColor());
            assertTrue(h.cell(1, 4).getModifiers().contains(SGR.REVERSE), "All PIDs is preselected");
            h.type("ngi");
            entries = h.screen().subList(4, 7).stream().map(String::strip).toList();
            assertEquals(List.of("All PIDs", "1001  nginx            nginx: worker process", ""), entries);
            h.press(KeyType.Enter);
            assertTrue(h.row(FILTER).endsWith("kernel: --pid 1001"), h.row(FILTER));
            assertEquals("kernel filter: --pid 1001", h.row(MESSAGE));
            long after = h.session.snapshot().events() + 1000;
            while (h.session.snapshot().events() < after) {
                Thread.sleep(10);
            }
            List<EventRecord> tail = h.session.snapshot().stream();
            assertTrue(tail.subList(tail.size() - 100, tail.size()).stream().allMatch(e -> e.pid() == 1001),
                    "the source now delivers pid 1001 only");
            h.type("t");
            entries = h.screen().subList(4, 7).stream().map(String::strip).toList();
            assertEquals(List.of("All TIDs", "1001     1001  nginx", "1005     1001  nginx-io"), entries);
            h.press(KeyType.ArrowDown).press(KeyType.ArrowDown).press(KeyType.Enter);
            assertTrue(h.row(FILTER).endsWith("kernel: --pid 1001 --tid 1005"), h.row(FILTER));
            h.type("p").screen();
            assertTrue(h.cell(1, 5).getModifiers().contains(SGR.REVERSE), "the picker starts on the pid traced");
            h.press(KeyType.ArrowUp).press(KeyType.Enter);
            assertTrue(h.row(FILTER).endsWith("kernel: all"), "All PIDs: " + h.row(FILTER));
            h.type("p").press(KeyType.Escape);
            assertFalse(h.text().contains("Trace which process"), "Esc cancels");
        }
    }

    @Test
    void theProbePickerTicksSyscallsAndHandsTheSetOver() throws Exception {
        AtomicReference<Set<String>> applied = new AtomicReference<>();
        try (Harness h = Harness.builder(SyntheticSource.of(Events.workload()), dir).procFs(new ProcFs())
                .probes(applied::set).build()) {
            List<String> all = SyscallTable.builtIn().defaults().stream().map(s -> s.name()).toList();
            h.type("P");
            assertTrue(h.text().contains("Probes: which syscalls the kernel traces (" + all.size() + " ticked)"));
            assertTrue(h.screen().get(4).strip().startsWith("[x] " + all.get(0) + " "), h.screen().get(4));
            h.type("pwrite64");
            assertTrue(h.screen().get(4).strip().startsWith("[x] pwrite64 "), "typing narrows: " + h.screen().get(4));
            h.type(" ");
            assertTrue(h.screen().get(4).strip().startsWith("[ ] pwrite64 "), h.screen().get(4));
            h.press(KeyType.Enter);
            assertEquals(all.size() - 1, applied.get().size());
            assertFalse(applied.get().contains("pwrite64"));
            assertTrue(h.row(FILTER).endsWith("kernel: all  probes: " + (all.size() - 1) + " syscalls"), h.row(FILTER));
            assertEquals("tracing " + (all.size() - 1) + " syscalls", h.row(MESSAGE));
            h.type("P").type("pwrite64").type(" ").press(KeyType.Enter);
            assertEquals(Set.of(), applied.get(), "the default set again: the empty set");
            int everything = SyscallTable.builtIn().size();
            h.type("P").press(KeyType.Tab);
            assertTrue(h.text().contains("(" + everything + " ticked)"), "Tab ticks every one shown, some were not");
            h.press(KeyType.Tab);
            assertTrue(h.text().contains("(0 ticked)"), "Tab unticks every one shown, all were");
            h.press(KeyType.Enter);
            assertTrue(h.text().contains("(0 ticked)"), "tracing nothing is refused: the picker stays");
            h.type("openat").press(KeyType.Tab).press(KeyType.Enter);
            assertEquals(Set.of("openat", "openat2", "io_uring:openat", "io_uring:openat2"), applied.get(),
                    "the syscalls shown, io_uring operations included");
            h.type("P").press(new KeyStroke('d', true, false));
            assertTrue(h.text().contains("(" + all.size() + " ticked)"), "Ctrl-D ticks the default set");
            h.press(KeyType.Enter);
            assertEquals(Set.of(), applied.get(), "the default set: the empty set");
        }
        try (Harness h = Harness.builder(SyntheticSource.of(Events.workload()), dir).procFs(new ProcFs()).build()) {
            h.type("P");
            assertEquals("this source cannot change its probes while running", h.row(MESSAGE));
        }
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("p");
            assertTrue(h.row(MESSAGE).startsWith("the PID, TID and probe pickers act on the live kernel"));
        }
    }

    @Test
    void withoutATerminalTheDashboardSaysWhatToUseInstead() {
        IorException e = org.junit.jupiter.api.Assertions.assertThrows(IorException.class, Dashboard::requireTerminal);
        assertEquals("the dashboard needs a terminal: use 'ior trace' or 'ior record'", e.getMessage());
        assertEquals(IorException.USAGE_ERROR, e.exitCode());
    }
}
