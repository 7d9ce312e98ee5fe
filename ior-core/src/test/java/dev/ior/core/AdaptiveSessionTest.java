package dev.ior.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ior.core.testing.LossySource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A session narrows itself only when asked to, through the source's sampling, and says so. */
class AdaptiveSessionTest {

    /** Windows shorter than the source's 5 ms between losses: each loss closes a lossy window. */
    private static final Adaptive ONE_SHORT_WINDOW = new Adaptive(true, 1, Duration.ofMillis(1));

    @Test
    void anAdaptiveSessionCountsItsHottestSyscallsInTheKernelOnlyAndSaysSo() {
        LossySource source = new LossySource();
        List<String> heard = new CopyOnWriteArrayList<>();
        try (IorSession session = IorSession.builder().source(source).adaptive(ONE_SHORT_WINDOW).withoutAnalysis()
                .build()) {
            session.onWarning(heard::add);
            session.start();
            assertEquals(List.of("read=0", "read=0,write=0"),
                    source.samplings().stream().map(Sampling::describe).toList(),
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
            assertEquals(List.of(), source.samplings());
            assertEquals(List.of(), session.warnings());
            assertEquals(LossySource.WINDOWS * LossySource.LOST_PER_WINDOW, session.counters().lostRingFull(),
                    "the losses were there all along");
        }
    }
}
