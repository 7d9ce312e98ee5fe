package dev.ior.tui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BubblePackingTest {

    /** Cells covered per bubble index; fails when a cell is covered twice or a bubble touches another. */
    private static Map<Integer, Integer> cells(List<BubblePacking.Bubble> bubbles, int width, int height) {
        int[][] owner = new int[height + 2][width + 2];
        Map<Integer, Integer> count = new HashMap<>();
        for (BubblePacking.Bubble b : bubbles) {
            for (int y = -1; y <= height; y++) {
                for (int x = -1; x <= width; x++) {
                    if (b.covers(x, y)) {
                        assertTrue(x >= 0 && y >= 0 && x < width && y < height,
                                b + " leaves the box at " + x + "," + y);
                        assertEquals(0, owner[y + 1][x + 1], "cell " + x + "," + y + " covered twice");
                        owner[y + 1][x + 1] = b.index() + 1;
                        count.merge(b.index(), 1, Integer::sum);
                    }
                }
            }
        }
        for (int y = 1; y <= height; y++) {
            for (int x = 1; x <= width; x++) {
                int o = owner[y][x];
                if (o != 0) {
                    for (int[] d : new int[][] {{1, 0}, {0, 1}}) {
                        int n = owner[y + d[1]][x + d[0]];
                        assertTrue(n == 0 || n == o, "bubbles " + (o - 1) + " and " + (n - 1) + " touch");
                    }
                }
            }
        }
        return count;
    }

    @Test
    void areasAreProportionalToWeightsAndBubblesNeverTouch() {
        long[] weights = {100, 400, 25, 900};
        List<BubblePacking.Bubble> bubbles = BubblePacking.pack(weights, 40, 160, 40, 2.0);
        assertEquals(List.of(3, 1, 0, 2), bubbles.stream().map(BubblePacking.Bubble::index).toList(), "largest first");
        Map<Integer, Integer> cells = cells(bubbles, 160, 40);
        double perWeight = (double) cells.get(3) / 900;
        for (int i = 0; i < weights.length; i++) {
            // a disk of cells misses its true area by about its perimeter's worth of half cells
            double expected = perWeight * weights[i];
            assertEquals(expected, cells.get(i), 0.15 * expected + 4, "bubble of weight " + weights[i]);
        }
        BubblePacking.Bubble first = bubbles.get(0);
        assertEquals(first.radius(), first.x(), 1e-9, "the largest sits at the left edge");
        assertEquals(Math.sqrt(900.0 / 400), first.radius() / bubbles.get(1).radius(), 1e-9, "radius ∝ √weight");
    }

    @Test
    void manyRandomWeightsPackWithoutOverlapInsideTheBox() {
        Random random = new Random(7);
        for (int round = 0; round < 30; round++) {
            int n = 1 + random.nextInt(60);
            long[] weights = new long[n];
            for (int i = 0; i < n; i++) {
                weights[i] = 1 + (long) Math.pow(10, random.nextDouble() * 4);
            }
            int width = 20 + random.nextInt(180);
            int height = 6 + random.nextInt(40);
            List<BubblePacking.Bubble> bubbles = BubblePacking.pack(weights, 40, width, height, 2.0);
            assertTrue(bubbles.size() <= 40);
            assertTrue(!bubbles.isEmpty(), "the largest always fits");
            cells(bubbles, width, height);
        }
    }

    @Test
    void noPositiveWeightsNoBubbles() {
        assertEquals(List.of(), BubblePacking.pack(new long[] {0, 0}, 40, 80, 20, 2.0));
    }
}
