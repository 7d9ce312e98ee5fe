package dev.ior.tui.tab.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.tui.Events;
import dev.ior.tui.Harness;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tab 2 over {@link Events#workload()}. */
class OverviewTabTest {

    @TempDir
    Path dir;

    @Test
    void sparklinesTopListsAndHealth() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("2");
            List<String> body = h.body();
            assertTrue(body.get(0).matches("events/s +█ now 10  peak 10"), body.get(0));
            assertTrue(body.get(1).matches("bytes/s +█ now 2\\.31KiB  peak 2\\.31KiB"), body.get(1));
            assertTrue(body.get(3).matches(
                    "TOP SYSCALLS +COUNT +P99  TOP FILES +COUNT +BYTES  TOP PROCESSES +COUNT +P99"),
                    body.get(3));
            assertEquals(List.of("read 6 100us /etc/hosts 5 350B 10 bash 4 1.00us",
                    "write 2 1.00us /tmp/a 2 20B 20 cat 4 2.00ms",
                    "close 1 2.00ms /usr/lib/libc.so 2 1.95KiB 11 bash 2 1.00us",
                    "openat 1 1.00us (no file) 1 0B"),
                    body.subList(4, 8).stream().map(r -> r.strip().replaceAll(" +", " ")).toList());
            int health = body.indexOf("HEALTH");
            assertEquals("events 10   rate 10/s   lost in kernel 0   dropped 0   unmatched exits 0   ring 0%",
                    body.get(health + 1));
            assertEquals("filtered in kernel 0   evicted files 0   evicted processes 0   keys 6", body.get(health + 2));
            assertEquals("10 events seen, 10 pass the filter", h.row(2));
        }
    }
}
