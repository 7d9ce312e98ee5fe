package dev.ior.core.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.IorEvent;
import dev.ior.core.syscall.SyscallTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventGeneratorTest {

    @Test
    void theSameSeedGivesTheSameEvents() {
        List<IorEvent> a = new EventGenerator(5, 8, 2, 100, 1_000).take(2_000);
        List<IorEvent> b = new EventGenerator(5, 8, 2, 100, 1_000).take(2_000);
        assertEquals(a, b);
        assertNotEquals(a, new EventGenerator(6, 8, 2, 100, 1_000).take(2_000));
    }

    @Test
    void eventsArePlausible() {
        List<IorEvent> events = new EventGenerator(5, 8, 2, 100, 1_000).take(10_000);
        long previous = 0;
        for (IorEvent e : events) {
            assertTrue(e.timeNs() > previous, "time moves on");
            previous = e.timeNs();
            assertTrue(e.pid() >= 1000 && e.pid() < 1008, "pid " + e.pid());
            assertTrue(e.tid() >= e.pid() && e.tid() < e.pid() + 2, "tid " + e.tid());
            assertTrue(e.file().startsWith("/"), e.file());
            assertTrue(e.latencyNs() > 0);
            assertTrue(SyscallTable.builtIn().byName(e.syscall().name()).isPresent());
            assertEquals(e.isError() ? 0 : e.bytes(), e.bytes());
            if (e.syscall().kind().readsBytes() || e.syscall().kind().writesBytes()) {
                assertEquals(e.ret(), e.bytes());
            }
        }
        // a thousand events per second of event time: ten seconds, give or take a step
        long span = events.get(events.size() - 1).timeNs() - events.get(0).timeNs();
        assertTrue(span > 8_000_000_000L && span < 12_000_000_000L, "span " + span);
        assertTrue(events.stream().map(IorEvent::file).distinct().count() > 50);
        assertTrue(events.stream().anyMatch(IorEvent::isError) == SyscallTable.builtIn().byName("openat")
                .isPresent());
    }
}
