package dev.ior.tui.tab.overview;

import com.googlecode.lanterna.input.KeyStroke;
import dev.ior.core.SessionCounters;
import dev.ior.core.analysis.Health;
import dev.ior.core.analysis.Snapshot;
import dev.ior.core.stats.Column;
import dev.ior.core.stats.Row;
import dev.ior.core.stats.Table;
import dev.ior.core.stats.TimeSeries;
import dev.ior.tui.render.Canvas;
import dev.ior.tui.render.Glyphs;
import dev.ior.tui.render.Style;
import dev.ior.tui.render.Units;
import dev.ior.tui.tab.KeyHelp;
import dev.ior.tui.tab.Tab;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Tab 2: what is happening right now at a glance: events and bytes per second over the
 * last minutes as sparklines, the busiest syscalls, files and processes, and ior's own
 * health figures.
 */
public final class OverviewTab implements Tab {

    private static final int LABEL = 10;
    private static final int COUNT = 11;
    private static final int FIGURE = 9;

    @Override
    public String title() {
        return "Overview";
    }

    @Override
    public String shortTitle() {
        return "Over";
    }

    @Override
    public String toolbar(Snapshot snapshot) {
        return "sparklines: one column per second, newest right  tops: by count";
    }

    @Override
    public String detail(Snapshot snapshot) {
        return Units.count(snapshot.events()) + " events seen, " + Units.count(snapshot.syscalls().totalCount())
                + " pass the filter";
    }

    @Override
    public List<KeyHelp> keys() {
        return List.of(new KeyHelp("(none)", "this tab only shows; filter from the tables or the stream"));
    }

    @Override
    public boolean handle(KeyStroke key, Snapshot snapshot) {
        return false;
    }

    @Override
    public void render(Canvas body, Snapshot snapshot) {
        TimeSeries series = snapshot.series();
        sparkline(body, 0, "events/s", series.events(), Units::count);
        sparkline(body, 1, "bytes/s", series.bytes(), Units::bytes);
        int healthRows = 3;
        int listRows = body.height() - 3 - healthRows - 1;
        if (listRows >= 2) {
            int w = (body.width() - 4) / 3;
            top(body.region(0, 3, w, listRows), "TOP SYSCALLS", "P99", snapshot.syscalls(), Row::name,
                    r -> Units.duration(r.p99()));
            top(body.region(w + 2, 3, w, listRows), "TOP FILES", "BYTES", snapshot.files(),
                    r -> r.name().isEmpty() ? "(no file)" : r.name(),
                    r -> Units.bytes(r.bytesRead() + r.bytesWritten()));
            top(body.region(2 * w + 4, 3, body.width() - 2 * w - 4, listRows), "TOP PROCESSES", "P99",
                    snapshot.processes(), r -> r.name() + " " + r.comm(), r -> Units.duration(r.p99()));
        }
        health(body.region(0, body.height() - healthRows, body.width(), healthRows), snapshot.health());
    }

    private static void sparkline(Canvas body, int y, String label, long[] values, LongFunction<String> unit) {
        body.text(0, y, label, Style.HEADER);
        long now = values.length == 0 ? 0 : values[values.length - 1];
        long peak = 0;
        for (long v : values) {
            peak = Math.max(peak, v);
        }
        String figures = " now " + unit.apply(now) + "  peak " + unit.apply(peak);
        int room = Math.max(0, body.width() - LABEL - figures.length() - 1);
        int n = Math.min(room, values.length);
        Glyphs glyphs = body.glyphs();
        StringBuilder line = new StringBuilder(n);
        for (int i = values.length - n; i < values.length; i++) {
            line.append(glyphs.level(values[i], peak));
        }
        body.fill(LABEL, y, room - n, glyphs.levels().charAt(0), Style.BAR);
        body.text(LABEL + room - n, y, line.toString(), Style.BAR);
        body.text(LABEL + room, y, figures, Style.NORMAL);
    }

    /** The busiest rows of {@code table}: name, count, and one more figure, in columns. */
    private static void top(Canvas area, String title, String figureHeader, Table table, Function<Row, String> name,
                            Function<Row, String> figure) {
        int figureAt = area.width() - FIGURE;
        int countAt = figureAt - COUNT - 1;
        area.text(0, 0, title, Style.HEADER);
        right(area, countAt, COUNT, 0, "COUNT", Style.HEADER);
        right(area, figureAt, FIGURE, 0, figureHeader, Style.HEADER);
        List<Row> rows = table.sorted(Column.COUNT, true);
        for (int i = 0; i < rows.size() && i + 1 < area.height(); i++) {
            Row row = rows.get(i);
            area.tail(0, i + 1, name.apply(row), Math.max(4, countAt - 1), Style.NORMAL);
            right(area, countAt, COUNT, i + 1, Units.count(row.count()), Style.NORMAL);
            right(area, figureAt, FIGURE, i + 1, figure.apply(row), Style.NORMAL);
        }
    }

    private static void right(Canvas area, int x, int width, int y, String text, Style style) {
        area.text(x + Math.max(0, width - text.length()), y, text, style);
    }

    private static void health(Canvas area, Health health) {
        SessionCounters c = health.counters();
        area.text(0, 0, "HEALTH", Style.HEADER);
        area.text(0, 1, "events " + Units.count(c.events()) + "   rate " + Units.rate(health.eventsPerSecond())
                + "/s   lost in kernel " + Units.count(c.lostKernel()) + "   dropped " + Units.count(c.droppedUser())
                + "   unmatched exits " + Units.count(c.unmatchedExits()) + "   ring " + Math.round(c.ringFill() * 100)
                + "%", c.lostKernel() + c.droppedUser() > 0 ? Style.WARN : Style.NORMAL);
        area.text(0, 2, "filtered in kernel " + Units.count(c.filteredKernel()) + "   evicted files "
                + Units.count(health.evictedFiles()) + "   evicted processes " + Units.count(health.evictedProcesses())
                + "   keys " + Units.count(health.keys()), Style.NORMAL);
    }
}
