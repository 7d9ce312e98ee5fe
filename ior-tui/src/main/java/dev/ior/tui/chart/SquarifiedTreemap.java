package dev.ior.tui.chart;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The squarified treemap layout (Bruls, Huizing, van Wijk 2000): weights become
 * rectangles that tile a box of character cells, each area proportional to its weight
 * within the rounding of cell edges, laid out largest first from the top left in rows
 * chosen to keep rectangles close to square. Squareness is judged on screen: a cell is
 * {@code cellAspect} times as tall as it is wide.
 */
public final class SquarifiedTreemap {

    private SquarifiedTreemap() {
    }

    /**
     * Rectangles for {@code weights}, the i-th for {@code weights[i]}. Positive weights
     * tile the {@code width} × {@code height} cells exactly (edges are rounded once and
     * shared, so the areas sum to the box and never overlap); weights of 0 or less get
     * {@link CellRect#EMPTY}, as do weights too small to get a whole cell.
     */
    public static List<CellRect> layout(long[] weights, int width, int height, double cellAspect) {
        CellRect[] out = new CellRect[weights.length];
        Arrays.fill(out, CellRect.EMPTY);
        Integer[] order = IntStream.range(0, weights.length).filter(i -> weights[i] > 0).boxed()
                .sorted(Comparator.<Integer>comparingLong(i -> weights[i]).reversed().thenComparing(i -> i))
                .toArray(Integer[]::new);
        double total = 0;
        for (int i : order) {
            total += weights[i];
        }
        if (order.length == 0 || width <= 0 || height <= 0) {
            return List.of(out);
        }
        // the layout runs in screen units: a column is 1 wide, a row cellAspect tall
        double boxW = width;
        double boxH = height * cellAspect;
        double[] areas = new double[order.length];
        for (int k = 0; k < order.length; k++) {
            areas[k] = weights[order[k]] * boxW * boxH / total;
        }
        double x = 0;
        double y = 0;
        double w = boxW;
        double h = boxH;
        int start = 0;
        while (start < order.length) {
            double side = Math.min(w, h);
            int end = start + 1;
            while (end < order.length && worst(areas, start, end + 1, side) <= worst(areas, start, end, side)) {
                end++;
            }
            double sum = 0;
            for (int k = start; k < end; k++) {
                sum += areas[k];
            }
            boolean last = end == order.length;
            boolean column = w >= h; // a column along the left edge of what is left, else a row along its top
            double thickness = last ? (column ? w : h) : sum / (column ? h : w);
            double along = column ? y : x;
            double limit = column ? y + h : x + w;
            for (int k = start; k < end; k++) {
                double next = k == end - 1 ? limit : along + areas[k] / thickness;
                out[order[k]] = column ? cells(x, along, x + thickness, next, cellAspect)
                        : cells(along, y, next, y + thickness, cellAspect);
                along = next;
            }
            if (column) {
                x += thickness;
                w -= thickness;
            } else {
                y += thickness;
                h -= thickness;
            }
            start = end;
        }
        return List.of(out);
    }

    /** The worst aspect ratio of areas[from..to) laid along a side of length {@code side}. */
    private static double worst(double[] areas, int from, int to, double side) {
        double sum = 0;
        double max = 0;
        double min = Double.MAX_VALUE;
        for (int k = from; k < to; k++) {
            sum += areas[k];
            max = Math.max(max, areas[k]);
            min = Math.min(min, areas[k]);
        }
        double side2 = side * side;
        return Math.max(side2 * max / (sum * sum), sum * sum / (side2 * min));
    }

    /** The cells of the screen-unit rectangle (x0, y0)-(x1, y1): each edge rounded on its own. */
    private static CellRect cells(double x0, double y0, double x1, double y1, double cellAspect) {
        int left = (int) Math.round(x0);
        int top = (int) Math.round(y0 / cellAspect);
        int right = (int) Math.round(x1);
        int bottom = (int) Math.round(y1 / cellAspect);
        return right > left && bottom > top ? new CellRect(left, top, right - left, bottom - top) : CellRect.EMPTY;
    }
}
