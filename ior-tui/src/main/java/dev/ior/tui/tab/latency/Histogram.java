package dev.ior.tui.tab.latency;

import dev.ior.core.stats.Distribution;
import dev.ior.core.stats.LogBuckets;
import dev.ior.tui.render.Canvas;
import dev.ior.tui.render.Style;
import dev.ior.tui.render.Units;

/**
 * Draws a {@link Distribution} as horizontal bars, one row per octave (or per few
 * octaves when rows are short), the fastest at the top, with the rows holding p50, p95
 * and p99 marked.
 */
final class Histogram {

    private Histogram() {
    }

    static void draw(Canvas area, String title, Distribution d) {
        area.text(0, 0, title + "  n=" + Units.count(d.count()), Style.HEADER);
        area.text(0, 1, "p50 " + Units.duration(d.p50()) + "  p95 " + Units.duration(d.p95()) + "  p99 "
                + Units.duration(d.p99()) + "  max " + Units.duration(d.max()), Style.NORMAL);
        if (d.count() == 0) {
            area.text(0, 3, "nothing counted", Style.NORMAL);
            return;
        }
        int first = LogBuckets.OCTAVES;
        int last = -1;
        for (int k = 0; k < LogBuckets.OCTAVES; k++) {
            if (d.octaveCount(k) > 0) {
                first = Math.min(first, k);
                last = k;
            }
        }
        int rows = area.height() - 2;
        if (rows < 1) {
            return;
        }
        int per = (last - first + rows) / rows; // octaves per row
        int lines = (last - first) / per + 1;
        long[] counts = new long[lines];
        long max = 0;
        for (int i = 0; i < lines; i++) {
            for (int k = first + i * per; k < first + (i + 1) * per && k <= last; k++) {
                counts[i] += d.octaveCount(k);
            }
            max = Math.max(max, counts[i]);
        }
        int labelWidth = 8;
        // one scale for every row: room for the widest count and all three marks after any bar
        int barRoom = Math.max(1, area.width() - labelWidth - 2 - Units.count(max).length() - " p50 p95 p99".length());
        for (int i = 0; i < lines; i++) {
            int lowOctave = first + i * per;
            int highOctave = Math.min(last, lowOctave + per - 1);
            String marks = mark(d.p50(), lowOctave, highOctave, "p50") + mark(d.p95(), lowOctave, highOctave, "p95")
                    + mark(d.p99(), lowOctave, highOctave, "p99");
            String count = counts[i] == 0 ? "" : Units.count(counts[i]);
            int bar = (int) Math.round((double) counts[i] * barRoom / max);
            if (counts[i] > 0 && bar == 0) {
                bar = 1;
            }
            int y = i + 2;
            String label = Units.duration(LogBuckets.octaveLowerBound(lowOctave));
            area.text(labelWidth - label.length(), y, label, Style.NORMAL);
            area.fill(labelWidth + 1, y, bar, area.glyphs().bar(), Style.BAR);
            int x = labelWidth + 2 + bar;
            x += area.text(x, y, count, Style.NORMAL);
            if (!marks.isEmpty()) {
                area.text(x + 1, y, marks.strip(), Style.MARK);
            }
        }
    }

    private static String mark(long value, int lowOctave, int highOctave, String name) {
        int octave = LogBuckets.octave(value);
        return octave >= lowOctave && octave <= highOctave ? " " + name : "";
    }
}
