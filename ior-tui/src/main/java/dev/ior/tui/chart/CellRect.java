package dev.ior.tui.chart;

/**
 * A rectangle of character cells: columns {@code x} to {@code x + width - 1}, rows
 * {@code y} to {@code y + height - 1}.
 */
public record CellRect(int x, int y, int width, int height) {

    /** The rectangle of no cells. */
    public static final CellRect EMPTY = new CellRect(0, 0, 0, 0);

    /** Cells covered. */
    public int area() {
        return width * height;
    }

    /** Whether some cell lies in both rectangles. */
    public boolean overlaps(CellRect other) {
        return area() > 0 && other.area() > 0 && x < other.x + other.width && other.x < x + width
                && y < other.y + other.height && other.y < y + height;
    }
}
