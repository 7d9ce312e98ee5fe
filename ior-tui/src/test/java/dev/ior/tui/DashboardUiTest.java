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
import dev.ior.core.SyscallSampling;
import dev.ior.core.TraceSettings;
import dev.ior.core.filter.FilterStack;
import dev.ior.core.record.RecordingMetadata;
import dev.ior.core.record.RecordingReader;
import dev.ior.core.synthetic.EventGenerator;
import dev.ior.core.synthetic.SyntheticSource;
import dev.ior.core.proc.ProcFs;
import dev.ior.core.syscall.SyscallFamily;
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
            List<String> toolbars = List.of("o:order(", "sparklines:", "v:view(table)", "v:view(table)",
                    "v:view(table)", "j/k:syscall(", "space:live");
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
    void colonTypesAFilterFrameAndABadOneIsExplainedWithItsPosition() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type(":");
            assertEquals("filter frame (comm~bash, latency>=5ms):", h.row(MESSAGE).stripTrailing());
            h.type("comm~BA").press(KeyType.Enter);
            assertTrue(h.row(FILTER).startsWith("filter: comm~BA "), h.row(FILTER));
            assertEquals(TextColor.ANSI.YELLOW, h.cell(0, FILTER).getBackgroundColor(), "a filter stands out");
            h.type("3");
            assertTrue(h.body().get(1).startsWith("read "), "comm~BA keeps bash: " + h.body());
            h.type(":latency>>5").press(KeyType.Enter);
            assertEquals("filter \"latency>>5\": expected a time such as 5ms, not \">5\" at position 9",
                    h.row(MESSAGE));
            assertTrue(h.row(FILTER).startsWith("filter: comm~BA "), "the stack is unchanged");
        }
    }

    @Test
    void theFilterFormBuildsTheFramesTheTypedFiltersWould() throws Exception {
        FilterStack typed;
        try (Harness h = Harness.of(Events.workload(), dir)) {
            for (String frame : List.of("syscall=read", "comm~ba", "file~hosts", "pid=10", "tid=10", "fd=3",
                    "latency>=1us", "gap>=0", "bytes>=100", "ret!=0", "ret<0")) {
                h.type(":" + frame).press(KeyType.Enter);
            }
            typed = h.context.analysis().filters();
            assertEquals(11, typed.size(), typed.text());
        }
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("f");
            assertTrue(h.text().contains("Filter: each field filled is a frame"), h.text());
            h.type("read").press(KeyType.Tab).type("ba").press(KeyType.Tab).type("hosts").press(KeyType.Tab)
                    .type("10").press(KeyType.Tab).type("10").press(KeyType.Tab).type("3").press(KeyType.Tab)
                    .type("1us").press(KeyType.Tab).type("0").press(KeyType.Tab).type("100").press(KeyType.Tab)
                    .type("!=0").press(KeyType.Tab).type(" ");
            assertTrue(h.text().contains("errors only  [x]"), h.text());
            h.press(KeyType.Enter);
            assertEquals(typed, h.context.analysis().filters(), "the same frames, in the same order");
            assertEquals(typed.frames(), h.context.analysis().filters().frames());
        }
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("f").press(KeyType.ReverseTab).press(KeyType.ReverseTab).type("-2").press(KeyType.ReverseTab)
                    .press(KeyType.ReverseTab).press(KeyType.ReverseTab).type("5 parsecs").press(KeyType.Enter);
            assertTrue(h.text().contains("filter \"latency>=5 parsecs\": unknown unit \"parsecs\""),
                    "a wrong field keeps the form open and says why: " + h.text());
            assertTrue(h.context.analysis().filters().isEmpty(), "nothing pushed");
            h.press(KeyType.Backspace, 8).type("ms").press(KeyType.Enter);
            assertTrue(h.row(FILTER).startsWith("filter: latency>=5ms > ret=-2 "), h.row(FILTER));
            h.type("f").type("cat").press(KeyType.Escape);
            assertTrue(h.row(FILTER).startsWith("filter: latency>=5ms > ret=-2 "), "Esc cancels: " + h.row(FILTER));
        }
    }

    @Test
    void escAndFPopFramesLastInFirstOut() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("3").type(":comm=bash").press(KeyType.Enter).type(":syscall=read").press(KeyType.Enter)
                    .type(":file~hosts").press(KeyType.Enter);
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
            h.type(":comm=nginx").press(KeyType.Enter);
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
            // from the source's own count: a snapshot may be up to a publishing interval old
            long after = h.session.counters().events() + 1000;
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
    void theFamiliesViewAttachesAndDetachesAWholeFamilyInTheBackground() throws Exception {
        SyscallTable table = SyscallTable.builtIn();
        int network = (int) table.all().stream().filter(s -> s.family() == SyscallFamily.NETWORK).count();
        int defaults = table.defaults().size();
        int networkByDefault = (int) table.defaults().stream().filter(s -> s.family() == SyscallFamily.NETWORK)
                .count();
        TunableSource source = new TunableSource(Events.workload());
        try (Harness h = Harness.builder(source, dir).procFs(new ProcFs()).probes(patterns -> { }).build()) {
            h.type("P").press(new KeyStroke('f', true, false));
            assertTrue(h.text().contains("Probes by family: attached live (" + defaults + " syscalls traced)"),
                    h.text());
            assertEquals(12, h.body().stream().filter(r -> r.matches(" *\\[[ x-]\\] +\\d+/\\d+ .*")).count(),
                    "the twelve families: " + h.body());
            h.type("network");
            assertTrue(h.screen().get(4).matches(" *\\[[ -]\\] +" + networkByDefault + "/" + network + " +Network"),
                    h.screen().get(4));
            source.holdProbeChanges();
            h.type(" ");
            assertEquals(" attaching Network…", h.row(HEALTH), "said at once, the kernel still busy");
            assertTrue(h.screen().get(4).matches(" *\\[[ -]\\] +" + networkByDefault + "/" + network
                    + " +changing… +Network"), h.screen().get(4));
            h.press(KeyType.Backspace);
            assertTrue(h.text().contains("type to filter: networ_"), "keys still work meanwhile");
            h.press(new KeyStroke('f', true, false)).press(KeyType.Enter);
            assertEquals("a family is being attached or detached: apply the probes once it is done", h.row(MESSAGE),
                    "the syscalls view does not wait for the kernel either");
            h.type("P").press(new KeyStroke('f', true, false)).type("network");
            source.release();
            awaitRow(h, HEALTH, " attached Network: " + network + "/" + network + " of its syscalls traced");
            assertTrue(h.screen().get(4).matches(" *\\[x\\] +" + network + "/" + network + " +Network"),
                    h.screen().get(4));
            int attached = defaults - networkByDefault + network;
            assertTrue(h.text().contains("(" + attached + " syscalls traced)"), h.text());
            h.type(" ");
            awaitRow(h, HEALTH, " detached Network: 0/" + network + " of its syscalls traced");
            h.press(KeyType.Escape);
            assertTrue(h.row(FILTER).endsWith("probes: " + (defaults - networkByDefault) + " syscalls"),
                    "the selection without Network: " + h.row(FILTER));
            h.type("P").press(new KeyStroke('f', true, false)).press(new KeyStroke('f', true, false));
            assertTrue(h.text().contains("Probes: which syscalls the kernel traces"), "Ctrl-F goes back");
        }
        try (Harness h = Harness.builder(SyntheticSource.of(Events.workload()), dir).procFs(new ProcFs())
                .probes(patterns -> { }).build()) {
            h.type("P").press(new KeyStroke('f', true, false)).type("time ");
            awaitRow(h, HEALTH, " detaching Time failed: this event source cannot change its probe set");
        }
    }

    @Test
    void warningsAreStreamRowsWithABadgeOnTheOtherTabsUntilTheStreamIsSeen(@TempDir Path proc) throws Exception {
        FakeProc.process(proc, 1001, "nginx", "nginx: worker process");
        FakeProc.thread(proc, 1001, 1001, "nginx");
        FakeProc.process(proc, 2002, "java", "java -jar app.jar");
        FakeProc.thread(proc, 2002, 2002, "java");
        TunableSource source = new TunableSource(Events.workload()).procFs(new ProcFs(proc)).lost(120);
        TraceSettings trace = TraceSettings.DEFAULT.withFilter(TraceSettings.DEFAULT.filter().withPids(Set.of(1001))
                .withTid(2002));
        try (Harness h = Harness.builder(source, dir).trace(trace).build()) {
            String bar = h.row(0);
            assertTrue(bar.endsWith("! 2 warnings  H:help q:quit"), bar);
            assertEquals(TextColor.ANSI.YELLOW, h.cell(bar.indexOf("! 2"), 0).getBackgroundColor(), "it stands out");
            h.type("3");
            assertTrue(h.row(0).endsWith("! 2 warnings  H:help q:quit"), "on every other tab: " + h.row(0));
            h.type("7");
            List<String> rows = h.body().stream().filter(r -> r.contains(" WARN  ")).toList();
            assertEquals(2, rows.size(), h.body().toString());
            assertTrue(rows.get(0).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{6} WARN  thread 2002 is not a thread of process"
                    + " 1001, so nothing will be traced"), rows.get(0));
            assertTrue(rows.get(1).endsWith(" WARN  the kernel lost 120 events (120 in all): the health line says why"),
                    rows.get(1));
            int row = 3 + h.body().indexOf(rows.get(0));
            assertEquals(TextColor.ANSI.YELLOW, h.cell(20, row).getBackgroundColor(), "a warning row stands out");
            assertFalse(h.row(0).contains("warning"), "the Stream tab shows them: no badge " + h.row(0));
            h.type("3");
            assertFalse(h.row(0).contains("warning"), "seen: no badge any more: " + h.row(0));
        }
    }

    @Test
    void theHealthLineSaysWhatIsSampledWithTheKernelsTotals() throws Exception {
        SyscallTable table = SyscallTable.builtIn();
        TunableSource source = new TunableSource(Events.workload());
        source.samplingTotals(List.of(new SyscallSampling(table.byName("read").orElseThrow(), 10, 10_023, 1_002)));
        try (Harness h = Harness.builder(source, dir).build()) {
            assertTrue(h.row(HEALTH).matches(".*ring 0%   sampled: read 1/10 \\(10,023 calls, 1,002 traced\\)   R:record"),
                    h.row(HEALTH));
            source.samplingTotals(List.of(new SyscallSampling(table.byName("read").orElseThrow(), 10, 10_023, 1_002),
                    new SyscallSampling(table.byName("write").orElseThrow(), 0, 500, 0),
                    new SyscallSampling(table.byName("pread64").orElseThrow(), 100, 2_000, 19)));
            assertTrue(h.row(HEALTH).endsWith("   sampled: read 1/10 (10,023 calls, 1,002 traced), write 0 (500 calls,"
                    + " counted only), pread64 1/100 (2,000 calls, 19 traced)   R:record"), h.row(HEALTH));
            h.resize(120, 50);
            assertTrue(h.row(HEALTH).endsWith("   sampled: 3 syscalls (12,523 calls, 1,021 traced)   R:record"), h.row(HEALTH));
        }
        try (Harness h = Harness.of(Events.workload(), dir)) {
            assertFalse(h.row(HEALTH).contains("sampled"), "every call an event: nothing said");
        }
    }

    @Test
    void iCyclesTheAutoResetTimerShownInTheTabBarAndItResetsTheFlamegraph() throws Exception {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(1_000 * Events.S);
        try (Harness h = Harness.builder(SyntheticSource.of(Events.workload()), dir).clock(now::get).build()) {
            assertTrue(h.row(0).matches(".*Stream +H:help q:quit"), "off: nothing shown " + h.row(0));
            h.type("I");
            assertEquals("auto-reset every 10 s: the flamegraph counts start again, as with r", h.row(MESSAGE));
            assertTrue(h.row(0).endsWith("reset in 10s  H:help q:quit"), h.row(0));
            now.addAndGet(3 * Events.S + 1);
            assertTrue(h.ui.stale(), "the countdown changed: a frame is due");
            assertTrue(h.row(0).endsWith("reset in 7s  H:help q:quit"), h.row(0));
            assertEquals("all  10 events  2.31KiB  100.0% of count", h.row(2), "counting so far");
            now.addAndGet(7 * Events.S);
            h.screen(); // the frame that resets
            List<String> screen = h.screen();
            assertTrue(screen.contains("  no events counted yet"), String.join("\n", screen));
            assertEquals("auto-reset: the flamegraph counts from now on", screen.get(MESSAGE));
            assertTrue(screen.get(0).endsWith("reset in 10s  H:help q:quit"), "the next period: " + screen.get(0));
            h.type("I");
            assertTrue(h.row(0).endsWith("reset in 30s  H:help q:quit"), h.row(0));
            h.type("I");
            assertTrue(h.row(0).endsWith("reset in 60s  H:help q:quit"), h.row(0));
            h.type("I");
            assertEquals("auto-reset off", h.row(MESSAGE));
            assertTrue(h.row(0).matches(".*Stream +H:help q:quit"), h.row(0));
        }
    }

    /** Draws frames until row {@code row} reads {@code expected}: for work the dashboard does in the background. */
    private static void awaitRow(Harness h, int row, String expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!h.row(row).equals(expected) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        assertEquals(expected, h.row(row));
    }

    @Test
    void withoutATerminalTheDashboardSaysWhatToUseInstead() {
        IorException e = org.junit.jupiter.api.Assertions.assertThrows(IorException.class, Dashboard::requireTerminal);
        assertEquals("the dashboard needs a terminal: use 'ior trace' or 'ior record'", e.getMessage());
        assertEquals(IorException.USAGE_ERROR, e.exitCode());
    }
}
