package dev.ior.tui.tab.table;

import dev.ior.core.stats.Row;
import dev.ior.tui.chart.BubblePacking;
import dev.ior.tui.chart.CellRect;
import dev.ior.tui.chart.IcicleLayout;
import dev.ior.tui.chart.SquarifiedTreemap;
import dev.ior.tui.render.Canvas;
import dev.ior.tui.render.Style;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a table tab's rows as a treemap, bubbles or a directory icicle, sized by a
 * {@link ViewMetric}. Every box gives up its last column (and a treemap box its last
 * row) to part it from its neighbours, as flamegraph frames do; the selected row's box
 * is drawn in the selection's colours.
 */
final class RowCharts {

    /** A terminal cell is about twice as tall as it is wide. */
    static final double CELL_ASPECT = 2.0;
    /** Bubbles drawn at most: more would be too small to read. */
    static final int MAX_BUBBLES = 40;
    private static final Style[] PALETTE = {Style.FLAME_A, Style.FLAME_B, Style.FLAME_C};
    /** Narrower boxes show no label: a few letters and an ellipsis say nothing. */
    private static final int MIN_LABEL = 6;

    private final Canvas body;
    private final TableKind kind;
    private final ViewMetric metric;

    RowCharts(Canvas body, TableKind kind, ViewMetric metric) {
        this.body = body;
        this.kind = kind;
        this.metric = metric;
    }

    /** {@code rows} as a squarified treemap; {@code selected} is the cursor's index in rows, or -1. */
    void treemap(List<Row> rows, int selected) {
        List<CellRect> rects = SquarifiedTreemap.layout(weights(rows), body.width(), body.height(), CELL_ASPECT);
        for (int i = 0; i < rows.size(); i++) {
            CellRect rect = rects.get(i);
            if (rect.area() == 0) {
                continue;
            }
            Style style = i == selected ? Style.FLAME_SELECTED : PALETTE[i % PALETTE.length];
            int w = inner(rect.width());
            int h = inner(rect.height());
            for (int y = 0; y < h; y++) {
                body.fill(rect.x(), rect.y() + y, w, style);
            }
            Row row = rows.get(i);
            String value = metric.format(metric.value(row));
            if (w >= MIN_LABEL) {
                if (h >= 2) {
                    name(rect.x(), rect.y(), label(row), w, style);
                    body.text(rect.x(), rect.y() + 1, value, w, style);
                } else {
                    name(rect.x(), rect.y(), label(row) + " " + value, w, style);
                }
            }
        }
    }

    /** {@code rows} as bubbles, the largest labelled where the label fits. */
    void bubbles(List<Row> rows, int selected) {
        for (BubblePacking.Bubble bubble : BubblePacking.pack(weights(rows), MAX_BUBBLES, body.width(),
                body.height(), CELL_ASPECT)) {
            int i = bubble.index();
            Style style = i == selected ? Style.FLAME_SELECTED : PALETTE[i % PALETTE.length];
            int top = (int) Math.floor((bubble.y() - bubble.radius()) / CELL_ASPECT);
            int bottom = (int) Math.ceil((bubble.y() + bubble.radius()) / CELL_ASPECT);
            for (int y = top; y <= bottom; y++) {
                int[] span = bubble.span(y);
                body.fill(span[0], y, span[1], style);
            }
            Row row = rows.get(i);
            if (centred(bubble, bubble.centreRow(), label(row), style)) {
                centred(bubble, bubble.centreRow() + 1, metric.format(metric.value(row)), style);
            }
        }
    }

    /** The directory tree of {@code files} (a row per file) as an icicle, the box of {@code selectedPath} selected. */
    void icicle(List<Row> files, String selectedPath) {
        Map<String, Long> weights = new LinkedHashMap<>();
        for (Row row : files) {
            weights.merge(TableColumn.NAME.cell(row), metric.value(row), Long::sum);
        }
        int[] onRow = new int[body.height()];
        for (IcicleLayout.Box box : IcicleLayout.layout(weights, body.width())) {
            if (box.depth() >= body.height()) {
                continue;
            }
            Style style = box.path().equals(selectedPath) ? Style.FLAME_SELECTED
                    : PALETTE[(onRow[box.depth()]++ + box.depth()) % PALETTE.length];
            int w = inner(box.width());
            body.fill(box.x(), box.depth(), w, style);
            if (w >= MIN_LABEL) {
                body.text(box.x(), box.depth(), box.label() + " " + metric.format(box.weight()), w, style);
            }
        }
    }

    /** Whether anything would be drawn for {@code rows}. */
    boolean anything(List<Row> rows) {
        return rows.stream().anyMatch(r -> metric.value(r) > 0);
    }

    private long[] weights(List<Row> rows) {
        return rows.stream().mapToLong(metric::value).toArray();
    }

    /** The name of a box: a pid with its command name, a path cut keeping its end. */
    private String label(Row row) {
        return kind == TableKind.PROCESSES && !row.comm().isEmpty() ? row.name() + " " + row.comm()
                : TableColumn.NAME.cell(row);
    }

    private void name(int x, int y, String text, int w, Style style) {
        if (kind == TableKind.FILES) {
            body.tail(x, y, text, w, style); // a long path keeps its file name
        } else {
            body.text(x, y, text, w, style);
        }
    }

    /** Draws {@code text} centred on the bubble's row {@code y} if the row is wide enough; returns whether. */
    private boolean centred(BubblePacking.Bubble bubble, int y, String text, Style style) {
        int[] span = bubble.span(y);
        if (span[1] < Math.min(text.length(), MIN_LABEL)) {
            return false;
        }
        String fitted = kind == TableKind.FILES ? Canvas.fitTail(text, span[1], body.glyphs().ellipsis())
                : Canvas.fit(text, span[1], body.glyphs().ellipsis());
        body.text(span[0] + (span[1] - fitted.length()) / 2, y, fitted, style);
        return true;
    }

    /** The columns or rows of a box drawn: all but the last, which parts it from the next. */
    private static int inner(int size) {
        return size > 1 ? size - 1 : 1;
    }
}
