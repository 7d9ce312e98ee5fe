package dev.ior.tui.tab.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyType;
import dev.ior.core.export.CsvEventWriter;
import dev.ior.tui.Events;
import dev.ior.tui.Harness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tab 7 over {@link Events#workload()}: events 1 to 10, 100 ms apart. */
class StreamTabTest {

    private static final int FILTER = 47;
    private static final int MESSAGE = 49;
    /** Screen row of the first event row. */
    private static final int FIRST = 4;

    @TempDir
    Path dir;

    /** The event rows shown, as "seq-less" words: comm pid tid syscall. */
    private static List<String> events(Harness h) {
        return h.body().stream().filter(r -> r.matches("\\d\\d:\\d\\d:.*")).map(r -> String.join(" ",
                List.of(r.split("\\s+")).subList(1, 5))).toList();
    }

    @Test
    void theLiveTailShowsTheNewestEventsAtTheBottom() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("7");
            List<String> screen = h.screen();
            assertTrue(screen.get(3).matches("TIME +COMM +PID +TID SYSCALL +FD +RET +BYTES +LATENCY +GAP FILE"),
                    screen.get(3));
            assertEquals(10, events(h).size());
            assertTrue(screen.get(FIRST + 7).matches("\\d\\d:\\d\\d:01\\.700000 cat +20 +20 read +3 +1000 +1000 +100us"
                    + " +7\\.00us /usr/lib/libc\\.so"), screen.get(FIRST + 7));
            assertEquals("cat 20 21 close", events(h).getLast());
            assertEquals("10 latest events that pass the filter; space pauses", screen.get(2));
        }
    }

    @Test
    void pausedTheCursorMovesAndEnterPushesAFilterThatEscPops() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("7 ");
            assertTrue(h.row(1).startsWith("space:paused"), h.row(1));
            assertTrue(h.row(2).startsWith("paused at 10/10  seq 10  cat 20/21 close"), h.row(2));
            h.type("kkkkk").type("l").press(KeyType.Enter);
            assertTrue(h.row(FILTER).startsWith("filter: comm=bash "), h.row(FILTER));
            assertEquals(6, events(h).size(), "the paused view keeps what passes");
            h.type("lll").press(KeyType.ArrowDown).press(KeyType.Enter);
            assertTrue(h.row(FILTER).startsWith("filter: comm=bash > syscall=write "), h.row(FILTER));
            assertEquals(List.of("bash 11 11 write", "bash 11 11 write"), events(h));
            h.press(KeyType.Escape);
            assertTrue(h.row(FILTER).startsWith("filter: comm=bash "), h.row(FILTER));
            h.type("F");
            assertTrue(h.row(FILTER).startsWith("filter: all "), h.row(FILTER));
            assertEquals(10, events(h).size());
        }
    }

    @Test
    void enterOnALatencyOrGapCellKeepsEventsAtLeastThatSlow() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("7 kk").type("llllllll").press(KeyType.Enter);
            assertTrue(h.row(FILTER).startsWith("filter: latency>=100us "), h.row(FILTER));
            assertEquals(List.of("cat 20 20 read", "cat 20 20 read", "cat 20 21 close"), events(h));
            h.type("l").press(KeyType.Enter);
            assertTrue(h.row(FILTER).startsWith("filter: latency>=100us > gap>=7.00us "), h.row(FILTER));
            assertEquals(List.of("cat 20 20 read", "cat 20 20 read"), events(h));
        }
    }

    @Test
    void slashAndQuestionMarkSearchEveryColumnAndNWalksTheMatchesWrapping() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("7/libc").press(KeyType.Enter);
            assertTrue(h.row(1).startsWith("space:paused"), "a search pauses");
            assertTrue(h.row(2).startsWith("paused at 8/10  seq 8 "), h.row(2));
            assertEquals("search wrapped", h.row(MESSAGE));
            assertEquals(TextColor.ANSI.YELLOW_BRIGHT, h.cell(20, FIRST + 8).getBackgroundColor(),
                    "the other match is highlighted");
            assertEquals(TextColor.ANSI.DEFAULT, h.cell(20, FIRST + 6).getBackgroundColor());
            h.type("n");
            assertTrue(h.row(2).startsWith("paused at 9/10 "), h.row(2));
            h.type("n");
            assertTrue(h.row(2).startsWith("paused at 8/10 "), h.row(2));
            h.type("N");
            assertTrue(h.row(2).startsWith("paused at 9/10 "), h.row(2));
            h.type("?^0*11$").press(KeyType.Enter);
            assertTrue(h.row(2).startsWith("paused at 6/10  seq 6  bash 11/11 write"), "backward: " + h.row(2));
            h.type("n");
            assertTrue(h.row(2).startsWith("paused at 5/10 "), "n goes on backward: " + h.row(2));
            h.type("?nothing").press(KeyType.Enter);
            assertEquals("no event matches nothing", h.row(MESSAGE));
        }
    }

    @Test
    void eExportsTheFilteredEventsAsCsvToANewPrivateFile() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type(":comm=cat").press(KeyType.Enter).type("7e");
            Path file = only(dir, ".csv");
            assertTrue(file.getFileName().toString().matches("ior-.+-\\d{8}T\\d{6}Z\\.csv"), file.toString());
            assertEquals("exported 4 events to " + file + " (E opens it)", h.row(MESSAGE));
            assertEquals(List.of(CsvEventWriter.HEADER,
                    "7,1600000000,0,1000,cat,20,20,read,3,50,50,/etc/hosts,,,-1,0",
                    "8,1700000000,7000,100000,cat,20,20,read,3,1000,1000,/usr/lib/libc.so,,,-1,0",
                    "9,1800000000,7000,100000,cat,20,20,read,3,1000,1000,/usr/lib/libc.so,,,-1,0",
                    "10,1900000000,0,2000000,cat,20,21,close,3,0,0,,,,-1,0"), Files.readAllLines(file));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            h.type("e");
            assertTrue(h.row(MESSAGE).matches("exported 4 events to .*-2\\.csv \\(E opens it\\)"),
                    "a second export in the same second gets its own file: " + h.row(MESSAGE));
        }
    }

    @Test
    void xExportsThePausedViewOnly() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("7x");
            assertEquals("x exports the paused view: press space to pause first (e exports the live events)",
                    h.row(MESSAGE));
            h.type(" kkllll").press(KeyType.Enter).type("x");
            assertTrue(h.row(FILTER).startsWith("filter: syscall=read "));
            List<String> lines = Files.readAllLines(only(dir, ".csv"));
            assertEquals(7, lines.size(), "the header and the six reads: " + lines);
            assertTrue(lines.subList(1, 7).stream().allMatch(l -> l.split(",")[7].equals("read")), lines.toString());
        }
    }

    @Test
    void bigXAsksForTheFileName() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("7X");
            assertTrue(h.row(MESSAGE).startsWith("export 10 events to: ior-"), h.row(MESSAGE));
            h.ui.handle(new com.googlecode.lanterna.input.KeyStroke('u', true, false)); // Ctrl-U clears the proposal
            h.type("mine.csv").press(KeyType.Enter);
            assertEquals(11, Files.readAllLines(dir.resolve("mine.csv")).size());
            h.type("X");
            h.ui.handle(new com.googlecode.lanterna.input.KeyStroke('u', true, false));
            h.type("mine.csv").press(KeyType.Enter);
            assertEquals(dir.resolve("mine.csv") + " already exists: ior does not overwrite files, choose another name",
                    h.row(MESSAGE));
        }
    }

    @Test
    void bigEOpensTheLastExportInTheEditorWithTheTerminalHandedOver() throws Exception {
        try (Harness h = Harness.builder(dev.ior.core.synthetic.SyntheticSource.of(Events.workload()), dir)
                .environment(Map.of("EDITOR", "nano -w")).build()) {
            h.type("7E");
            assertEquals("nothing exported yet: e, x or X export first", h.row(MESSAGE));
            assertTrue(h.lent.isEmpty());
            h.type("e").type("E");
            Path file = only(dir, ".csv");
            assertEquals(1, h.lent.size());
            ProcessBuilder editor = h.lent.getFirst();
            assertEquals(List.of("sh", "-c", "exec $EDITOR \"$1\"", "ior-editor", file.toString()), editor.command());
            assertEquals("nano -w", editor.environment().get("EDITOR"));
        }
    }

    private static Path only(Path dir, String suffix) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> matching = files.filter(f -> f.toString().endsWith(suffix)).toList();
            assertEquals(1, matching.size(), matching.toString());
            return matching.getFirst();
        }
    }
}
