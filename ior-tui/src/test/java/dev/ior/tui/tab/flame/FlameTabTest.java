package dev.ior.tui.tab.flame;

import static dev.ior.tui.Rows.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyType;
import dev.ior.core.flame.FlameMetric;
import dev.ior.core.synthetic.EventGenerator;
import dev.ior.core.synthetic.SyntheticSource;
import dev.ior.tui.Events;
import dev.ior.tui.Harness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tab 1 on a 200-column screen over {@link Events#workload()}: bash 6 events (320 B), cat 4 (2050 B). */
class FlameTabTest {

    /** Screen rows of the body's bottom four rows: paths, syscalls, comms, root. */
    private static final int PATHS = 43;
    private static final int SYSCALLS = 44;
    private static final int COMMS = 45;
    private static final int ROOT = 46;

    @TempDir
    Path dir;

    @Test
    void theRootIsAtTheBottomAndFramesAreAsWideAsTheirShareOfEvents() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            List<String> screen = h.screen();
            assertEquals("o:order(comm/syscall/path)  b:count  space:live  r:reset  enter:zoom  u:unzoom  /:search",
                    screen.get(1));
            assertEquals("all  10 events  2.31KiB  100.0% of count", screen.get(2));
            assertEquals("all", screen.get(ROOT));
            assertEquals(at(0, "bash", 120, "cat"), screen.get(COMMS));
            assertEquals(at(0, "openat", 20, "read", 80, "write", 120, "close", 140, "read"), screen.get(SYSCALLS));
            assertEquals(at(0, "/etc/hosts", 20, "/etc/hosts", 80, "/tmp/a", 140, "/etc/hosts", 160,
                    "/usr/lib/libc.so"), screen.get(PATHS));
            assertEquals("", screen.get(PATHS - 1));
            assertEquals(TextColor.ANSI.BLUE, h.cell(0, ROOT).getBackgroundColor(), "the root is selected");
            assertNotEquals(h.cell(0, COMMS).getBackgroundColor(), h.cell(120, COMMS).getBackgroundColor(),
                    "neighbours differ in colour");
            assertEquals(' ', h.cell(119, COMMS).getCharacterString().charAt(0), "a gap parts neighbours");
            assertEquals(TextColor.ANSI.DEFAULT, h.cell(119, COMMS).getBackgroundColor());
        }
    }

    @Test
    void oCyclesTheFiveOrderingsLiveAndBack() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            List<String> labels = List.of("path/syscall/comm", "syscall/comm/path", "pid/syscall/path",
                    "comm/path/syscall", "comm/syscall/path");
            List<String> bottoms = List.of(at(0, "/etc/hosts", 100, "/tmp/a", 140, "/usr/lib/libc.so", 180, "close"),
                    at(0, "close", 20, "openat", 40, "read", 160, "write"), at(0, "10", 80, "11", 120, "20"),
                    at(0, "bash", 120, "cat"), at(0, "bash", 120, "cat"));
            for (int i = 0; i < labels.size(); i++) {
                h.type("o");
                List<String> screen = h.screen();
                assertTrue(screen.get(1).startsWith("o:order(" + labels.get(i) + ")  b:count"), screen.get(1));
                assertEquals(bottoms.get(i), screen.get(COMMS), labels.get(i));
            }
            assertEquals(at(0, "openat", 20, "read", 80, "write", 120, "close", 140, "read"), h.row(SYSCALLS),
                    "the comm/syscall/path picture again");
            h.type("oooo");
            assertTrue(h.row(1).startsWith("o:order(comm/path/syscall)"), h.row(1));
            assertEquals(at(0, "/etc/hosts", 80, "/tmp/a", 120, "/etc/hosts", 140, "/usr/lib/libc.so", 180, "close"),
                    h.row(SYSCALLS), "comm/path/syscall puts paths in the middle (close has none: its syscall)");
        }
    }

    @Test
    void bMeasuresBytesInsteadOfEvents() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("b");
            List<String> screen = h.screen();
            assertTrue(screen.get(1).startsWith("o:order(comm/syscall/path)  b:bytes  "), screen.get(1));
            assertEquals(at(0, "bash", 27, "cat"), screen.get(COMMS), "320 of 2370 bytes: 27 of 200 columns");
            assertEquals(at(0, "read", 27, "read"), screen.get(SYSCALLS), "no frame for 0 bytes; no label on 1 column");
            h.type("b");
            assertEquals(at(0, "bash", 120, "cat"), h.row(COMMS));
        }
    }

    @Test
    void hjklWalkFramesAndTheDetailLineShowsTheSelectedFramesFigures() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("k");
            assertEquals("bash  6 events  320B  60.0% of count", h.row(2));
            h.type("l");
            assertEquals("cat  4 events  2.00KiB  40.0% of count", h.row(2));
            h.press(KeyType.ArrowUp);
            assertEquals("cat › close  1 events  0B  10.0% of count", h.row(2));
            assertEquals(TextColor.ANSI.BLUE, h.cell(120, SYSCALLS).getBackgroundColor());
            h.type("h");
            assertEquals("bash › write  2 events  20B  20.0% of count", h.row(2), "left crosses to bash's frames");
            h.type("k");
            assertEquals("bash › write › /tmp/a  2 events  20B  20.0% of count", h.row(2));
            h.type("k");
            assertEquals("bash › write › /tmp/a  2 events  20B  20.0% of count", h.row(2), "nothing above a leaf");
            h.press(KeyType.ArrowDown).type("jj");
            assertEquals("all  10 events  2.31KiB  100.0% of count", h.row(2));
            h.type("j");
            assertEquals("all  10 events  2.31KiB  100.0% of count", h.row(2));
        }
    }

    @Test
    void labelsAreCutToFitTheirFrame() throws Exception {
        try (Harness h = Harness.builder(SyntheticSource.of(Events.workload()), dir).size(60, 20).build()) {
            List<String> screen = h.screen();
            assertEquals(at(0, "open…", 6, "read", 24, "write", 36, "close", 42, "read"), screen.get(14));
            assertEquals(at(0, "…osts", 6, "/etc/hosts", 24, "/tmp/a", 42, "…osts", 48, "…ib/libc.so"),
                    screen.get(13),
                    "paths keep their end");
        }
    }

    @Test
    void enterZoomsIntoTheSelectionAndUOrEscUndoIt() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("kl").press(KeyType.Enter);
            List<String> screen = h.screen();
            assertEquals("cat", screen.get(COMMS), "cat spans the width");
            assertEquals(at(0, "close", 50, "read"), screen.get(SYSCALLS));
            assertEquals(at(50, "/etc/hosts", 100, "/usr/lib/libc.so"), screen.get(PATHS));
            assertFalse(String.join("\n", h.body()).contains("bash"), "the rest is gone");
            assertTrue(screen.get(2).endsWith("[zoom: cat]"), screen.get(2));
            assertEquals(TextColor.ANSI.DEFAULT, h.cell(0, ROOT).getBackgroundColor(), "the root is greyed out");
            h.type("u");
            assertEquals(at(0, "bash", 120, "cat"), h.row(COMMS));
            h.press(KeyType.Enter).press(KeyType.Escape);
            assertEquals(at(0, "bash", 120, "cat"), h.row(COMMS));
            assertEquals("filter: all", h.row(47).substring(0, 11));
        }
    }

    @Test
    void escPopsAFilterFrameOnlyWhenNotZoomed() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type(":comm=cat").press(KeyType.Enter).type("k").press(KeyType.Enter);
            assertTrue(h.row(47).startsWith("filter: comm=cat "));
            assertEquals("cat", h.row(COMMS));
            h.press(KeyType.Escape);
            assertTrue(h.row(47).startsWith("filter: comm=cat "), "the first Esc undid the zoom");
            h.press(KeyType.Escape);
            assertTrue(h.row(47).startsWith("filter: all "), "the second popped the frame");
            assertEquals(at(0, "bash", 120, "cat"), h.row(COMMS));
        }
    }

    @Test
    void searchGreysOutWhatDoesNotMatchAndNWalksTheMatches() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("/hosts").press(KeyType.Enter);
            List<String> screen = h.screen();
            assertTrue(screen.get(1).endsWith("/:search(hosts)"), screen.get(1));
            assertEquals("bash › openat › /etc/hosts  1 events  0B  10.0% of count  [3 matches]", screen.get(2));
            assertEquals(TextColor.ANSI.DEFAULT, h.cell(80, PATHS).getBackgroundColor(), "/tmp/a greys out");
            assertEquals(TextColor.ANSI.DEFAULT, h.cell(0, COMMS).getBackgroundColor(), "so does bash");
            assertNotEquals(TextColor.ANSI.DEFAULT, h.cell(20, PATHS).getBackgroundColor(), "a match keeps its colour");
            h.type("n");
            assertTrue(h.row(2).startsWith("bash › read › /etc/hosts  3 events"), h.row(2));
            h.type("n");
            assertTrue(h.row(2).startsWith("cat › read › /etc/hosts  1 events"), h.row(2));
            h.type("n");
            assertTrue(h.row(2).startsWith("bash › openat › /etc/hosts"), "wraps: " + h.row(2));
            h.type("N");
            assertTrue(h.row(2).startsWith("cat › read › /etc/hosts"), h.row(2));
            h.type("/").press(KeyType.Backspace).press(KeyType.Backspace).press(KeyType.Backspace)
                    .press(KeyType.Backspace).press(KeyType.Backspace).press(KeyType.Enter);
            assertTrue(h.row(1).endsWith("/:search"), "an empty search ends searching");
            h.type("/[").press(KeyType.Enter);
            assertTrue(h.row(49).startsWith("search \"[\": "), h.row(49));
        }
    }

    @Test
    void rResetsTheBaseline() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("r");
            List<String> screen = h.screen();
            assertTrue(screen.contains("  no events counted yet"), String.join("\n", screen));
            assertEquals("flamegraph reset: it counts from now on", screen.get(49));
        }
    }

    @Test
    void spaceFreezesThePictureWhileEventsKeepComingAndResumesWithAllOfThem() throws Exception {
        var source = SyntheticSource.generated(EventGenerator.demo(), Long.MAX_VALUE).paced(20_000);
        try (Harness h = Harness.builder(source, dir).async().build()) {
            waitForEvents(h, 100);
            h.type(" ");
            assertTrue(h.row(1).contains("space:paused"));
            h.session.analysis().requestSnapshot().get();
            long frozen = allEvents(h.row(2));
            Thread.sleep(300);
            h.session.analysis().requestSnapshot().get();
            assertEquals(frozen, allEvents(h.row(2)), "the picture stands still");
            assertTrue(h.session.snapshot().events() > frozen + 1000, "while events keep coming");
            h.type(" ");
            h.session.analysis().requestSnapshot().get();
            assertTrue(h.row(1).contains("space:live"));
            assertTrue(allEvents(h.row(2)) > frozen + 1000, "resumed with what came meanwhile: " + h.row(2));
        }
    }

    static void waitForEvents(Harness h, long events) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (h.session.snapshot().flame().total(FlameMetric.COUNT) < events && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static long allEvents(String detail) {
        Matcher m = Pattern.compile("^all  ([\\d,]+) events").matcher(detail);
        assertTrue(m.find(), detail);
        return Long.parseLong(m.group(1).replace(",", ""));
    }
}
