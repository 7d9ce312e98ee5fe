package dev.ior.tui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SquarifiedTreemapTest {

    @Test
    void equalWeightsOnASquareScreenBoxAreFourSquares() {
        // 40 × 20 cells of aspect 2 is a square on screen: four equal weights are four squares
        List<CellRect> rects = SquarifiedTreemap.layout(new long[] {1, 1, 1, 1}, 40, 20, 2.0);
        assertEquals(List.of(new CellRect(0, 0, 20, 10), new CellRect(0, 10, 20, 10), new CellRect(20, 0, 20, 10),
                new CellRect(20, 10, 20, 10)), rects);
    }

    @Test
    void theLargestWeightTakesTheTopLeftAndTheKnownSquarifiedRows() {
        // the paper's example: 6 6 4 3 2 2 1 in a 6 × 4 box (aspect 1)
        List<CellRect> rects = SquarifiedTreemap.layout(new long[] {1, 2, 2, 3, 4, 6, 6}, 6, 4, 1.0);
        assertEquals(new CellRect(0, 0, 3, 2), rects.get(5), "first 6");
        assertEquals(new CellRect(0, 2, 3, 2), rects.get(6), "second 6, under it");
        assertEquals(3, rects.get(4).x(), "4 starts the next strip, right of the sixes");
        assertEquals(0, rects.get(4).y());
        assertEquals(24, rects.stream().mapToInt(CellRect::area).sum());
    }

    @Test
    void randomWeightsTileTheBoxWithoutOverlapAndInProportion() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(30);
            long[] weights = new long[n];
            for (int i = 0; i < n; i++) {
                weights[i] = random.nextInt(4) == 0 ? 0 : 1 + (long) Math.pow(10, random.nextDouble() * 5);
            }
            int width = 10 + random.nextInt(190);
            int height = 5 + random.nextInt(45);
            List<CellRect> rects = SquarifiedTreemap.layout(weights, width, height, 2.0);
            long total = 0;
            for (long w : weights) {
                total += w;
            }
            int area = 0;
            for (int i = 0; i < n; i++) {
                CellRect r = rects.get(i);
                area += r.area();
                if (weights[i] == 0) {
                    assertEquals(CellRect.EMPTY, r, "weight 0 gets nothing");
                    continue;
                }
                if (r.area() > 0) {
                    assertTrue(r.x() >= 0 && r.y() >= 0 && r.x() + r.width() <= width
                            && r.y() + r.height() <= height, r + " inside " + width + "x" + height);
                }
                for (int j = i + 1; j < n; j++) {
                    assertFalse(r.overlaps(rects.get(j)), r + " overlaps " + rects.get(j));
                }
                // each edge is rounded by at most half a cell: the area is off by at most w + h + 1 cells
                double expected = (double) weights[i] * width * height / total;
                double tolerance = Math.sqrt(expected) * 3 + r.width() + r.height() + 1;
                assertEquals(expected, r.area(), tolerance, "weight " + weights[i] + " of " + total);
            }
            assertEquals(total == 0 ? 0 : width * height, area, "the positive weights tile the box");
        }
    }

    @Test
    void largerWeightsNeverGetSmallerBoxesBeyondRounding() {
        long[] weights = {500, 400, 300, 200, 100, 50};
        List<CellRect> rects = SquarifiedTreemap.layout(weights, 120, 40, 2.0);
        for (int i = 0; i + 1 < weights.length; i++) {
            CellRect a = rects.get(i);
            CellRect b = rects.get(i + 1);
            assertTrue(a.area() + a.width() + a.height() + b.width() + b.height() >= b.area(), a + " vs " + b);
        }
        assertEquals(0, rects.get(0).x());
        assertEquals(0, rects.get(0).y());
    }

    @Test
    void nothingToLayOutGivesEmptyRectangles() {
        assertEquals(List.of(CellRect.EMPTY, CellRect.EMPTY),
                SquarifiedTreemap.layout(new long[] {0, -3}, 80, 20, 2.0));
        assertEquals(List.of(CellRect.EMPTY), SquarifiedTreemap.layout(new long[] {5}, 0, 20, 2.0));
        assertEquals(List.of(new CellRect(0, 0, 80, 20)), SquarifiedTreemap.layout(new long[] {5}, 80, 20, 2.0));
    }
}
