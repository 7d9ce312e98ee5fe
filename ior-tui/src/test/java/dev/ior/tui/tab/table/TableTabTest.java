package dev.ior.tui.tab.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.input.KeyType;
import dev.ior.tui.Events;
import dev.ior.tui.Harness;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tabs 3, 4 and 5 over {@link Events#workload()}. */
class TableTabTest {

    private static final int HEADER = 3;
    private static final int FILTER = 47;

    @TempDir
    Path dir;

    /** The first word of each table row (the name column), top down. */
    private static List<String> names(Harness h) {
        List<String> body = h.body();
        return body.subList(1, body.size()).stream().filter(r -> !r.isBlank()).map(r -> r.split("\\s+")[0])
                .toList();
    }

    @Test
    void syscallsAreSortedByCountWithTheirFigures() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("3");
            List<String> screen = h.screen();
            assertEquals("v:view(table)  b:by(count)  s:sort(count desc)  S:reverse  h/l:column  j/k:row  enter:filter",
                    screen.get(1));
            assertEquals("SYSCALL" + " ".repeat(30) + "FAMILY         COUNT▼   RATE/s      AVG      P95      P99      MAX"
                    + "       READ    WRITTEN   ERRORS",
                    screen.get(HEADER).replaceAll("^(SYSCALL) +", "$1" + " ".repeat(30)));
            assertEquals(List.of("read", "write", "close", "openat"), names(h), "ties by name");
            assertTrue(screen.get(HEADER + 1).matches("read +FS +6 +6 +34\\.0us +100us +100us +100us +2\\.29KiB +0B +0"),
                    screen.get(HEADER + 1));
            assertTrue(screen.get(HEADER + 3).matches("close +FS +1 +1 +2\\.00ms +2\\.00ms +2\\.00ms +2\\.00ms +0B +0B +0"),
                    screen.get(HEADER + 3));
            assertEquals("read  p50 1.00us  total 204us", screen.get(2), "the row under the cursor in full");
        }
    }

    @Test
    void sSortsByTheColumnUnderTheCursorAndSReverses() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("3s");
            assertEquals(List.of("close", "openat", "read", "write"), names(h), "names A to Z");
            assertTrue(h.row(HEADER).startsWith("SYSCALL▲"), h.row(HEADER));
            h.type("S");
            assertEquals(List.of("write", "read", "openat", "close"), names(h));
            h.type("lllllll").type("s");
            assertTrue(h.row(1).contains("  s:sort(max desc)"), h.row(1));
            assertEquals(List.of("close", "read", "openat", "write"), names(h), "slowest first, ties by name");
            assertTrue(h.cell(h.row(HEADER).indexOf("MAX"), HEADER).getModifiers().contains(SGR.REVERSE),
                    "the column cursor is on MAX");
        }
    }

    @Test
    void theRowCursorFollowsItsRowWhenTheOrderChanges() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("3j");
            assertTrue(h.row(2).startsWith("write "));
            h.type("s");
            assertEquals(List.of("close", "openat", "read", "write"), names(h));
            assertTrue(h.row(2).startsWith("write "), "still on write: " + h.row(2));
            assertTrue(h.cell(h.row(HEADER).indexOf("RATE"), HEADER + 4).getModifiers().contains(SGR.REVERSE),
                    "the write row is highlighted");
            assertTrue(h.cell(0, HEADER + 4).getModifiers().contains(SGR.BOLD), "its name cell is under the cursor");
        }
    }

    @Test
    void enterOnANameFiltersTheWholeDashboard() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("3").press(KeyType.Enter);
            assertTrue(h.row(FILTER).startsWith("filter: syscall=read "), h.row(FILTER));
            assertEquals(List.of("read"), names(h));
            h.type("4");
            assertEquals(List.of("/etc/hosts", "/usr/lib/libc.so"), names(h));
            assertTrue(h.row(HEADER + 1).matches("/etc/hosts +4 .*"), h.row(HEADER + 1));
        }
    }

    @Test
    void syscallsShowTheirFamilyAndEnterOnItScopesTheDashboardToTheFamily() throws Exception {
        List<dev.ior.core.IorEvent> events = new java.util.ArrayList<>(Events.workload());
        events.add(Events.ev(3 * Events.S, "curl", 30, 30, "connect", "", 50 * Events.US, 0, 0));
        events.add(Events.ev(3 * Events.S, "curl", 30, 30, "sendto", "", Events.US, 0, 40));
        events.add(Events.ev(3 * Events.S, "curl", 30, 30, "sendto", "", Events.US, 0, 40));
        try (Harness h = Harness.of(events, dir)) {
            h.type("3");
            assertEquals(List.of("read", "sendto", "write", "close", "connect", "openat"), names(h));
            assertTrue(h.row(HEADER + 2).matches("sendto +Network +2 .*"), h.row(HEADER + 2));
            assertTrue(h.row(HEADER + 1).matches("read +FS +6 .*"), h.row(HEADER + 1));
            h.type("jl").press(KeyType.Enter);
            assertTrue(h.row(FILTER).startsWith("filter: family=Network "), h.row(FILTER));
            assertEquals(List.of("sendto", "connect"), names(h), "only the Network family");
            h.type("5");
            assertEquals(List.of("30"), names(h), "every tab is scoped: curl's pid alone");
        }
    }

    @Test
    void enterOnALatencyCellFiltersByLatencyAtLeastItsValue() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("3").type("lllll").press(KeyType.Enter);
            assertTrue(h.row(FILTER).startsWith("filter: latency>=100us "), h.row(FILTER));
            h.type("7");
            List<String> body = h.body();
            assertEquals(3, body.stream().filter(r -> r.matches("\\d\\d:.*")).count(),
                    "the stream holds the two libc reads and the close: " + body);
        }
    }

    @Test
    void dRollsFilesUpToTheirDirectoriesLevelByLevel() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("4");
            assertEquals(List.of("/etc/hosts", "/tmp/a", "/usr/lib/libc.so", "(no"), names(h));
            h.type("d");
            assertTrue(h.row(1).endsWith("d/D:dirs(up 1)"), h.row(1));
            assertEquals(List.of("/etc", "/tmp", "/usr/lib", "(no"), names(h));
            h.type("d");
            assertEquals(List.of("/", "/usr", "(no"), names(h));
            assertTrue(h.row(HEADER + 1).matches("/ +7 .*"), h.row(HEADER + 1));
            h.type("d");
            assertEquals(List.of("/", "(no"), names(h));
            h.type("d");
            assertEquals(List.of("/etc/hosts", "/tmp/a", "/usr/lib/libc.so", "(no"), names(h), "round to files");
            h.type("ddD");
            assertEquals(List.of("/etc", "/tmp", "/usr/lib", "(no"), names(h));
            h.type("jj").press(KeyType.Enter);
            assertTrue(h.row(FILTER).startsWith("filter: file=~^/usr/lib(/|$) "), h.row(FILTER));
            assertEquals(List.of("/usr/lib"), names(h));
            assertTrue(h.row(HEADER + 1).matches("/usr/lib +2 .*"), h.row(HEADER + 1));
        }
    }

    @Test
    void enterOnEventsWithoutAFileSaysWhyThereIsNoFilter() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("4G").press(KeyType.Enter);
            assertEquals("these events have no file to filter on", h.row(49));
            assertTrue(h.row(FILTER).startsWith("filter: all "));
        }
    }

    @Test
    void processesArePidsWithTheirCommOrCommsWithC() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("5");
            assertEquals(List.of("10", "20", "11"), names(h));
            assertTrue(h.row(HEADER + 2).matches("20 +cat +4 .*"), h.row(HEADER + 2));
            h.type("jl").press(KeyType.Enter);
            assertTrue(h.row(FILTER).startsWith("filter: comm=cat "), h.row(FILTER));
            assertEquals(List.of("20"), names(h));
            h.press(KeyType.Escape).type("c");
            assertTrue(h.row(1).endsWith("c:by(comm)"), h.row(1));
            assertEquals(List.of("bash", "cat"), names(h));
            assertTrue(h.row(HEADER + 1).matches("bash +6 .*"), h.row(HEADER + 1));
            h.press(KeyType.Enter);
            assertTrue(h.row(FILTER).startsWith("filter: comm=bash "), h.row(FILTER));
            h.type("c").press(KeyType.Enter);
            assertTrue(h.row(FILTER).startsWith("filter: comm=bash > pid=10 "), h.row(FILTER));
        }
    }
}
