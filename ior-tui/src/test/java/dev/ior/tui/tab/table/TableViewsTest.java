package dev.ior.tui.tab.table;

import static dev.ior.tui.Events.US;
import static dev.ior.tui.Events.ev;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyType;
import dev.ior.core.IorEvent;
import dev.ior.core.synthetic.SyntheticSource;
import dev.ior.tui.Events;
import dev.ior.tui.Harness;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The treemap, bubble and icicle views of tabs 3, 4 and 5 (v), sized by count, bytes or duration (b). */
class TableViewsTest {

    private static final int COLUMNS = 100;
    private static final int ROWS = 30;
    /** The body: screen rows 3 to 26. */
    private static final int TOP = 3;
    private static final int BODY_ROWS = ROWS - 6;
    private static final int FILTER = ROWS - 3;

    @TempDir
    Path dir;

    /** 60 reads of 1 byte taking 1 us, 30 writes of 10 bytes taking 1 us, 10 fsyncs of 1 ms each. */
    private static List<IorEvent> mix() {
        List<IorEvent> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long t = Events.S + i * 1_000L;
            events.add(i < 60 ? ev(t, "db", 7, 7, "read", "/data/a", US, 0, 1)
                    : i < 90 ? ev(t, "db", 7, 7, "write", "/data/b", US, 0, 10)
                    : ev(t, "db", 7, 7, "fsync", "/data/b", Events.MS, 0, 0));
        }
        return events;
    }

    private Harness harness(List<IorEvent> events) throws Exception {
        return Harness.builder(SyntheticSource.of(events), dir).size(COLUMNS, ROWS).build();
    }

    /**
     * The cells of the box whose label starts at ({@code column}, {@code row}): the
     * coloured cells connected to it (4-neighbours).
     */
    private static List<int[]> box(Harness h, int column, int row) {
        boolean[][] seen = new boolean[ROWS][COLUMNS];
        List<int[]> cells = new ArrayList<>();
        Deque<int[]> todo = new ArrayDeque<>(List.of(new int[] {column, row}));
        while (!todo.isEmpty()) {
            int[] c = todo.pop();
            int x = c[0];
            int y = c[1];
            if (x < 0 || y < TOP || x >= COLUMNS || y >= TOP + BODY_ROWS || seen[y][x]
                    || h.cell(x, y).getBackgroundColor() == TextColor.ANSI.DEFAULT) {
                continue;
            }
            seen[y][x] = true;
            cells.add(c);
            todo.push(new int[] {x + 1, y});
            todo.push(new int[] {x - 1, y});
            todo.push(new int[] {x, y + 1});
            todo.push(new int[] {x, y - 1});
        }
        return cells;
    }

    /** The coloured cells from ({@code column}, {@code row}) rightwards: an icicle box's width but its last column. */
    private static int run(Harness h, int column, int row) {
        int x = column;
        while (x < COLUMNS && h.cell(x, row).getBackgroundColor() != TextColor.ANSI.DEFAULT) {
            x++;
        }
        return x - column;
    }

    /** A treemap box's cells: its coloured interior plus the column and row that part it from the next. */
    private static int treemapArea(Harness h, int column, int row) {
        List<int[]> cells = box(h, column, row);
        int w = cells.stream().mapToInt(c -> c[0]).max().orElseThrow() - column + 1;
        int hgt = cells.stream().mapToInt(c -> c[1]).max().orElseThrow() - row + 1;
        assertEquals(w * hgt, cells.size(), "a treemap box is a filled rectangle");
        return (w + 1) * (hgt + 1);
    }

    private static int labelRow(Harness h, String label) {
        List<String> screen = h.screen();
        for (int y = TOP; y < TOP + BODY_ROWS; y++) {
            if (screen.get(y).contains(label)) {
                return y;
            }
        }
        throw new AssertionError("no " + label + " on\n" + String.join("\n", screen));
    }

    @Test
    void vCyclesTableTreemapBubblesAndTheToolbarSaysWhich() throws Exception {
        try (Harness h = harness(mix())) {
            h.type("3");
            assertEquals("v:view(table)  b:by(count)  s:sort(count desc)  S:reverse  h/l:column  j/k:row  "
                    + "enter:filter", h.row(1));
            h.type("v");
            assertEquals("v:view(treemap)  b:by(count)  j/k:select  enter:filter", h.row(1));
            h.type("v");
            assertEquals("v:view(bubbles)  b:by(count)  j/k:select  enter:filter", h.row(1));
            h.type("v");
            assertTrue(h.row(1).startsWith("v:view(table)"), h.row(1));
            assertTrue(h.row(TOP).startsWith("SYSCALL"), "the table again: " + h.row(TOP));
        }
    }

    @Test
    void theTreemapLabelsEachRowAndSizesItByCount() throws Exception {
        try (Harness h = harness(mix())) {
            h.type("3v");
            List<String> body = h.body();
            // read (60%) takes the left 60 columns; write (30%) and fsync (10%) share the rest
            assertEquals("read" + " ".repeat(56) + "write", body.get(0));
            assertEquals("60" + " ".repeat(58) + "30", body.get(1));
            int fsyncRow = labelRow(h, "fsync");
            assertEquals(" ".repeat(60) + "fsync", h.row(fsyncRow));
            assertEquals(" ".repeat(60) + "10", h.row(fsyncRow + 1));
            int all = COLUMNS * BODY_ROWS;
            // within the rounding of each edge: width + height + 1 cells
            assertEquals(0.6 * all, treemapArea(h, 0, TOP), 60 + BODY_ROWS + 1);
            assertEquals(0.3 * all, treemapArea(h, 60, TOP), 40 + BODY_ROWS + 1);
            assertEquals(0.1 * all, treemapArea(h, 60, fsyncRow), 40 + BODY_ROWS + 1);
            assertEquals(all, treemapArea(h, 0, TOP) + treemapArea(h, 60, TOP) + treemapArea(h, 60, fsyncRow));
        }
    }

    @Test
    void bCyclesTheMetricTheBoxesAndTheTableOrderFollow() throws Exception {
        try (Harness h = harness(mix())) {
            h.type("3vb");
            assertEquals("v:view(treemap)  b:by(bytes)  j/k:select  enter:filter", h.row(1));
            List<String> body = h.body();
            // 300 bytes written against 60 read: write takes 5/6 of the width, fsync moved no bytes
            assertEquals("write" + " ".repeat(78) + "read", body.get(0));
            assertEquals("300B" + " ".repeat(79) + "60B", body.get(1));
            assertTrue(h.text().indexOf("fsync") < 0, "no bytes, no box");
            int all = COLUMNS * BODY_ROWS;
            assertEquals(all * 5 / 6.0, treemapArea(h, 0, TOP), 83 + BODY_ROWS + 1);
            h.type("b");
            assertEquals("v:view(treemap)  b:by(duration)  j/k:select  enter:filter", h.row(1));
            // 10 ms of fsync, 60 us of reads, 30 us of writes
            assertTrue(h.body().get(0).startsWith("fsync"), h.body().get(0));
            assertTrue(h.body().get(1).startsWith("10.0ms"), h.body().get(1));
            h.type("vv");
            assertEquals("v:view(table)  b:by(duration)  s:sort(duration desc)  S:reverse  h/l:column  j/k:row  "
                    + "enter:filter", h.row(1));
            assertEquals(List.of("fsync", "read", "write"), h.body().subList(1, 4).stream()
                    .map(r -> r.split(" ")[0]).toList(), "the table is sorted by total duration too");
            h.type("b");
            assertTrue(h.row(1).contains("s:sort(count desc)"), "count sorts by its column: " + h.row(1));
            assertTrue(h.row(TOP).contains("COUNT▼"), h.row(TOP));
        }
    }

    @Test
    void bubbleAreasAreProportionalToTheMetricAndTheBiggestAreLabelled() throws Exception {
        try (Harness h = harness(mix())) {
            h.type("3vv");
            int readRow = labelRow(h, "read");
            int writeRow = labelRow(h, "write");
            int fsyncRow = labelRow(h, "fsync");
            int read = box(h, h.row(readRow).indexOf("read"), readRow).size();
            int write = box(h, h.row(writeRow).indexOf("write"), writeRow).size();
            int fsync = box(h, h.row(fsyncRow).indexOf("fsync"), fsyncRow).size();
            assertEquals(List.of("60", "30", "10"), List.of(h.row(readRow + 1).strip(), h.row(writeRow + 1).strip(),
                    h.row(fsyncRow + 1).strip()), "the value under each name");
            // a disk of cells misses its true area by about half its rim: 15% and a few cells
            assertEquals(read / 2.0, write, 0.15 * read / 2 + 4, "write has half read's count");
            assertEquals(read / 6.0, fsync, 0.15 * read / 6 + 4, "fsync has a sixth");
            assertTrue(h.row(readRow).indexOf("read") < h.row(writeRow).indexOf("write"), "largest leftmost");
        }
    }

    @Test
    void enterOnASelectedBoxFiltersByItsRow() throws Exception {
        try (Harness h = harness(mix())) {
            h.type("3vj");
            assertTrue(h.row(2).startsWith("write "), "the cursor selects write: " + h.row(2));
            assertEquals(TextColor.ANSI.BLUE, h.cell(60, TOP).getBackgroundColor(), "its box in selection colours");
            h.press(KeyType.Enter);
            assertTrue(h.row(FILTER).startsWith("filter: syscall=write "), h.row(FILTER));
            assertEquals("write", h.body().get(0).strip());
            assertEquals(COLUMNS * BODY_ROWS, treemapArea(h, 0, TOP), "one row fills the treemap");
        }
    }

    @Test
    void filesGroupedByDirectoryShowAnIcicleOfTheTree() throws Exception {
        try (Harness h = harness(Events.workload())) {
            h.type("4vv");
            assertTrue(h.row(1).startsWith("v:view(bubbles)"), "files not grouped: bubbles " + h.row(1));
            h.type("v").type("d");
            assertTrue(h.row(1).startsWith("v:view(table)"), h.row(1));
            h.type("vv");
            assertTrue(h.row(1).startsWith("v:view(icicle)  b:by(count)  j/k:select  enter:filter  d/D:dirs(up 1)"),
                    h.row(1));
            List<String> body = h.body();
            // 9 of the 10 events have a path: / is 90 columns; /etc 5, /tmp and /usr 2 each
            assertEquals("/ 9" + " ".repeat(87) + "(no file…", body.get(0));
            assertEquals("etc 5" + " ".repeat(45) + "tmp 2" + " ".repeat(15) + "usr 2", body.get(1));
            assertEquals("hosts 5" + " ".repeat(43) + "a 2" + " ".repeat(17) + "lib 2", body.get(2));
            assertEquals(" ".repeat(70) + "libc.so 2", body.get(3));
            assertEquals(89, run(h, 0, TOP), "/ is 90 columns, its last one parts it from (no file)");
            assertEquals(49, run(h, 0, TOP + 1), "/etc is 50");
            assertEquals(19, run(h, 50, TOP + 1), "/tmp is 20");
            h.type("b");
            body = h.body();
            // bytes: 2000 of libc.so reads, 350 of /etc/hosts, 20 written to /tmp/a
            assertEquals("/ 2.31KiB", body.get(0).strip());
            assertTrue(body.get(1).startsWith("usr 1.95KiB" + " ".repeat(73) + "etc"), body.get(1));
        }
    }

    @Test
    void theHelpPanelListsVAndB() throws Exception {
        try (Harness h = harness(mix())) {
            h.type("3H");
            String text = h.text();
            assertTrue(text.contains("view: table, treemap, bubbles (icicle of directories)"), text);
            assertTrue(text.contains("size views and sort by count, bytes, total duration"), text);
        }
    }
}
