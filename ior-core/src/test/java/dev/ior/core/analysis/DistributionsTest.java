package dev.ior.core.analysis;

import static dev.ior.core.analysis.Events.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ior.core.stats.Distribution;
import dev.ior.core.stats.LogBuckets;
import dev.ior.core.stats.TimeSeries;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DistributionsTest {

    private static Snapshot fed() {
        return new Feed().send(
                ev(5 * S, "a", 1, 1, READ, "/f", 1, 0, 1), // octave 0
                ev(5 * S + 1, "a", 1, 1, READ, "/f", 3, 1_000, 1), // octave 1
                ev(5 * S + 2, "a", 1, 1, READ, "/f", 1_024, 1_500, 1), // octave 10
                ev(5 * S + 3, "a", 1, 1, WRITE, "/f", 2_047, 0, 7), // octave 10
                ev(7 * S, "a", 1, 1, WRITE, "/f", 2_048, 3_000_000, 9), // octave 11, two seconds later
                ev(7 * S + 1, "a", 1, 1, FSYNC, "/f", 5 * MS, 4_096, 0)) // octave 22
                .finish();
    }

    @Test
    void latencyHistogramCountsPerOctaveOverallAndPerSyscall() {
        Snapshot s = fed();
        long[] expected = new long[LogBuckets.OCTAVES];
        expected[0] = 1;
        expected[1] = 1;
        expected[10] = 2;
        expected[11] = 1;
        expected[22] = 1;
        assertEquals(Arrays.toString(expected), Arrays.toString(s.latency().octaveCounts()));
        assertEquals(6, s.latency().count());
        assertEquals(5 * MS, s.latency().max());
        Distribution read = s.latencyBySyscall().get("read");
        assertEquals(3, read.count());
        assertEquals(1, read.octaveCount(0));
        assertEquals(1, read.octaveCount(1));
        assertEquals(1, read.octaveCount(10));
        assertEquals(1024, LogBuckets.octaveLowerBound(10)); // the label of that octave's row
        assertEquals((1 + 3 + 1_024) / 3, read.mean());
        assertEquals(2, s.latencyBySyscall().get("write").count());
        assertEquals(0.01, s.latency().relativeError());
    }

    @Test
    void gapHistogramLeavesOutCallsWithoutAnEarlierOne() {
        Snapshot s = fed();
        assertEquals(4, s.gap().count());
        assertEquals(1, s.gap().octaveCounts()[9]); // 1 000
        assertEquals(1, s.gap().octaveCounts()[10]); // 1 500
        assertEquals(1, s.gap().octaveCounts()[12]); // 4 096
        assertEquals(1, s.gap().octaveCounts()[21]); // 3 000 000
        assertEquals(3_000_000, s.gap().max());
        assertEquals(2, s.gapBySyscall().get("read").count());
        assertEquals(0, s.gapBySyscall().get("write").count() - 1);
    }

    @Test
    void aKeyFrameNarrowsPastLatenciesWithCompactPrecisionAndGapsFromItsPush() {
        Feed feed = new Feed();
        feed.send(ev(S, "a", 1, 1, READ, "/f", 100, 7, 1), ev(S + 5, "b", 2, 2, READ, "/g", 10_000, 50, 1));
        feed.analysis.push("comm=b");
        Snapshot pushed = feed.snapshot();
        assertEquals(1, pushed.latency().count());
        assertEquals(1, pushed.latency().octaveCounts()[13]);
        assertEquals(10_000, pushed.latency().p50());
        assertEquals(LogBuckets.RELATIVE_ERROR, pushed.latency().relativeError());
        assertEquals(LogBuckets.RELATIVE_ERROR, pushed.syscalls().percentileError());
        assertEquals(S, pushed.latency().sinceNs());
        assertEquals(0, pushed.gap().count());
        assertEquals(S + 5, pushed.gap().sinceNs());
        feed.send(ev(S + 6, "a", 1, 1, READ, "/f", 100, 9, 1), ev(S + 7, "b", 2, 2, READ, "/g", 10_000, 60, 1));
        Snapshot later = feed.finish();
        assertEquals(1, later.gap().count());
        assertEquals(60, later.gapBySyscall().get("read").max());
        assertEquals(0.01, later.gap().relativeError());
    }

    @Test
    void sparklinesAndHeatmapHaveOneColumnPerSecond() {
        Snapshot s = fed();
        TimeSeries series = s.series();
        assertEquals(7, series.lastSecond());
        assertEquals(AnalysisSettings.DEFAULT.seriesSeconds(), series.seconds());
        int last = series.seconds() - 1;
        assertEquals(2, series.events(last)); // second 7
        assertEquals(0, series.events(last - 1)); // second 6
        assertEquals(4, series.events(last - 2)); // second 5
        assertEquals(9, series.bytes(last));
        assertEquals(1 + 1 + 1 + 7, series.bytes(last - 2));
        assertEquals(1, series.heat(last, 11));
        assertEquals(1, series.heat(last, 22));
        assertEquals(2, series.heat(last - 2, 10));
        assertEquals(2, series.latencyHeat()[last - 2][10]);
        assertEquals(6, Arrays.stream(series.events()).sum());
    }

    @Test
    void seriesKeepOnlyTheLastSecondsAndPlaceLateEvents() {
        Feed feed = new Feed(AnalysisSettings.DEFAULT.withSeriesSeconds(3));
        feed.send(ev(10 * S, "a", 1, 1, READ, "/f", 1, 0, 1), ev(12 * S, "a", 1, 1, READ, "/f", 1, 0, 1),
                ev(11 * S, "a", 1, 1, READ, "/f", 1, 0, 1), // late: still within the window
                ev(13 * S, "a", 1, 1, READ, "/f", 1, 0, 1), ev(13 * S, "a", 1, 1, READ, "/f", 1, 0, 1),
                ev(9 * S, "a", 1, 1, READ, "/f", 1, 0, 1)); // too late to place
        TimeSeries series = feed.finish().series();
        assertEquals(13, series.lastSecond());
        assertEquals("[1, 1, 2]", Arrays.toString(series.events()));
    }
}
