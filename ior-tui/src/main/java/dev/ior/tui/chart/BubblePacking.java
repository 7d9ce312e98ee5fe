package dev.ior.tui.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Bubbles for weights: disks of character cells whose areas are proportional to the
 * weights (radius ∝ √weight), packed greedily largest first, each at the leftmost then
 * topmost place where it overlaps no bubble placed before (with a gap of more than a
 * cell, so that neighbours never touch). When the largest do not all fit, every radius
 * shrinks by the same factor and packing starts again; bubbles that still find no place,
 * or would cover no cell, are left out.
 */
public final class BubblePacking {

    /** The share of the box the bubbles cover at first. */
    private static final double FILL = 0.5;
    private static final double SHRINK = 0.85;
    private static final int ATTEMPTS = 12;

    /**
     * One placed bubble, in screen units (a column is 1 wide, a row {@code cellAspect} tall).
     *
     * @param index      which weight it stands for
     * @param x          centre, columns from the left
     * @param y          centre, screen units from the top
     * @param radius     screen units
     * @param cellAspect how many times taller than wide a cell is
     */
    public record Bubble(int index, double x, double y, double radius, double cellAspect) {

        /** Whether the cell at ({@code column}, {@code row}) has its centre in the disk. */
        public boolean covers(int column, int row) {
            double dx = column + 0.5 - x;
            double dy = (row + 0.5) * cellAspect - y;
            return dx * dx + dy * dy <= radius * radius;
        }

        /** The row of the centre. */
        public int centreRow() {
            return (int) Math.floor(y / cellAspect);
        }

        /** The covered cells of row {@code row}: first column and count (0 when none). */
        public int[] span(int row) {
            int from = (int) Math.floor(x - radius);
            int to = (int) Math.ceil(x + radius);
            int first = -1;
            int count = 0;
            for (int c = from; c <= to; c++) {
                if (covers(c, row)) {
                    first = first < 0 ? c : first;
                    count++;
                }
            }
            return new int[] {first, count};
        }
    }

    private BubblePacking() {
    }

    /**
     * The bubbles of {@code weights} (at most {@code max}, the largest) in a box of
     * {@code width} × {@code height} cells, largest first.
     */
    public static List<Bubble> pack(long[] weights, int max, int width, int height, double cellAspect) {
        int[] order = IntStream.range(0, weights.length).filter(i -> weights[i] > 0).boxed()
                .sorted(Comparator.<Integer>comparingLong(i -> weights[i]).reversed().thenComparing(i -> i))
                .limit(max).mapToInt(Integer::intValue).toArray();
        double total = 0;
        for (int i : order) {
            total += weights[i];
        }
        if (order.length == 0 || width <= 0 || height <= 0) {
            return List.of();
        }
        double boxH = height * cellAspect;
        double gap = cellAspect + 0.5; // farther apart than a cell in either direction: no two bubbles touch
        double scale = Math.sqrt(FILL * width * boxH / (Math.PI * total)); // radius of weight 1
        List<Bubble> placed = List.of();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++, scale *= SHRINK) {
            placed = place(weights, order, scale, width, boxH, gap, cellAspect);
            if (placed.size() == drawable(weights, order, scale)) {
                break;
            }
        }
        return List.copyOf(placed);
    }

    /** How many of the weights get a radius that can cover a cell. */
    private static int drawable(long[] weights, int[] order, double scale) {
        int n = 0;
        while (n < order.length && radius(weights[order[n]], scale) >= 0.5) {
            n++;
        }
        return n;
    }

    private static List<Bubble> place(long[] weights, int[] order, double scale, int width, double boxH, double gap,
                                      double cellAspect) {
        List<Bubble> placed = new ArrayList<>();
        for (int i : order) {
            double r = radius(weights[i], scale);
            if (r < 0.5) {
                break; // too small to show; the rest are smaller still
            }
            Bubble found = null;
            for (double x = r; x <= width - r && found == null; x += 1) {
                for (double y = r; y <= boxH - r && found == null; y += cellAspect / 2) {
                    if (free(placed, x, y, r, gap)) {
                        found = new Bubble(i, x, y, r, cellAspect);
                    }
                }
            }
            if (found != null) {
                placed.add(found);
            }
        }
        return placed;
    }

    private static double radius(long weight, double scale) {
        return scale * Math.sqrt(weight);
    }

    private static boolean free(List<Bubble> placed, double x, double y, double r, double gap) {
        for (Bubble b : placed) {
            double dx = b.x() - x;
            double dy = b.y() - y;
            double min = b.radius() + r + gap;
            if (dx * dx + dy * dy < min * min) {
                return false;
            }
        }
        return true;
    }
}
