package dev.ior.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ior.core.source.EventSink;
import dev.ior.core.source.RawEvent;
import dev.ior.core.source.SourceCounters;
import dev.ior.core.syscall.SyscallTable;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A session narrows itself only when asked to, through the source's sampling, and says so. */
class AdaptiveSessionTest {

    private static final Adaptive ONE_SHORT_WINDOW = new Adaptive(true, 1, Duration.ofMillis(1));

    /** Delivers reads and writes while its ring-full losses grow, over windows of a few milliseconds. */
    private static final class LossySource extends ScriptedSource {
        private volatile long lost;
        private final List<Sampling> samplings = new CopyOnWriteArrayList<>();

        @Override
        public void run(EventSink sink) {
            sink.onIdle(); // opens the first window
            for (int window = 0; window < 3; window++) {
                sleep();
                emit(sink, "read", 30);
                emit(sink, "write", 20);
                lost += 100;
                sink.onIdle();
            }
        }

        private static void emit(EventSink sink, String name, int count) {
            RawEvent raw = new RawEvent();
            raw.kind = RawEvent.SYSCALL;
            raw.nr = SyscallTable.builtIn().byName(name).orElseThrow().nr();
            raw.pid = 42;
            raw.tid = 42;
            raw.ret = 1;
            raw.args[0] = 1;
            raw.paths = MemorySegment.ofArray(new byte[0]);
            for (int i = 0; i < count; i++) {
                sink.onRaw(raw);
            }
        }

        private static void sleep() {
            try {
                Thread.sleep(5); // longer than a window
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public SourceCounters counters() {
            return new SourceCounters(0, lost, 0, 0, 0, 0, 0, 0);
        }

        @Override
        public void setSampling(Sampling sampling) {
            samplings.add(sampling);
        }
    }

    private static IorSession session(LossySource source, Adaptive adaptive) {
        return IorSession.builder().source(source).adaptive(adaptive).withoutAnalysis().build();
    }

    @Test
    void anAdaptiveSessionCountsItsHottestSyscallsInTheKernelOnlyAndSaysSo() {
        LossySource source = new LossySource();
        List<String> heard = new CopyOnWriteArrayList<>();
        try (IorSession session = session(source, ONE_SHORT_WINDOW)) {
            session.onWarning(heard::add);
            session.start();
            assertEquals(List.of("read=0", "read=0,write=0"), source.samplings.stream().map(Sampling::describe).toList(),
                    "read first (the hottest), write after the settling window");
            assertEquals("read=0,write=0", session.sampling().describe());
            assertEquals(List.of(
                    "losing events (100 lost in the last 1 ms): counting read in the kernel only from now on "
                            + "(exact totals stay in the summary)",
                    "losing events (100 lost in the last 1 ms): counting write in the kernel only from now on "
                            + "(exact totals stay in the summary)"), heard);
            assertEquals(heard, session.warnings());
        }
    }

    @Test
    void aSessionNarrowsNothingUnlessAskedTo() {
        LossySource source = new LossySource();
        try (IorSession session = IorSession.builder().source(source).withoutAnalysis().build()) {
            session.start();
            assertEquals(List.of(), source.samplings);
            assertEquals(List.of(), session.warnings());
            assertEquals(300, session.counters().lostRingFull(), "the losses were there all along");
        }
    }
}
