package dev.ior.tui.tab.latency;

import dev.ior.core.stats.LogBuckets;
import dev.ior.core.stats.TimeSeries;
import dev.ior.tui.render.Canvas;
import dev.ior.tui.render.Style;
import dev.ior.tui.render.Units;

/**
 * Draws the latency heatmap: one column per second (newest right), one row per latency
 * octave (slowest at the top), each cell shaded by how many calls took that long in
 * that second, on a log scale so that rare slow calls still show.
 */
final class Heatmap {

    private static final int LABEL = 8;

    private Heatmap() {
    }

    static void draw(Canvas area, TimeSeries series) {
        area.text(0, 0, "LATENCY HEATMAP  one column per second, newest right; rows: latency; shade: calls (log)",
                Style.HEADER);
        int columns = Math.min(series.seconds(), area.width() - LABEL - 1);
        int from = series.seconds() - columns;
        int first = LogBuckets.OCTAVES;
        int last = -1;
        long max = 0;
        for (int c = from; c < series.seconds(); c++) {
            for (int k = 0; k < LogBuckets.OCTAVES; k++) {
                long n = series.heat(c, k);
                if (n > 0) {
                    first = Math.min(first, k);
                    last = Math.max(last, k);
                    max = Math.max(max, n);
                }
            }
        }
        int rows = area.height() - 2;
        if (last < 0 || rows < 1 || columns < 1) {
            area.text(0, 1, "nothing counted in the last " + series.seconds() + " s", Style.NORMAL);
            return;
        }
        int per = (last - first + rows) / rows;
        int lines = (last - first) / per + 1;
        String levels = area.glyphs().levels();
        int top = levels.length() - 1;
        for (int i = 0; i < lines; i++) {
            int low = last - (i + 1) * per + 1; // slowest on top
            int high = last - i * per;
            int y = 1 + i;
            String label = Units.duration(LogBuckets.octaveLowerBound(Math.max(low, first)));
            area.text(LABEL - label.length() - 1, y, label, Style.NORMAL);
            for (int c = 0; c < columns; c++) {
                long n = 0;
                for (int k = Math.max(low, first); k <= high; k++) {
                    n += series.heat(from + c, k);
                }
                int level = level(n, max, top);
                area.text(LABEL + c, y, String.valueOf(levels.charAt(level)),
                        level * 4 >= top * 3 ? Style.HOT : Style.BAR);
            }
        }
        String axis = "-" + columns + "s";
        area.text(LABEL, 1 + lines, axis, Style.NORMAL);
        area.text(LABEL + columns - 3, 1 + lines, "now", Style.NORMAL);
    }

    /** {@code n}'s shade from 0 (none) to {@code top} on a log scale up to {@code max}. */
    static int level(long n, long max, int top) {
        if (n <= 0) {
            return 0;
        }
        double scaled = Math.log1p(n) / Math.log1p(max) * top;
        return (int) Math.max(1, Math.min(top, Math.ceil(scaled)));
    }
}
