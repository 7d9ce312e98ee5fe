package dev.ior.tui.tab.latency;

import com.googlecode.lanterna.input.KeyStroke;
import dev.ior.core.analysis.Snapshot;
import dev.ior.core.filter.FilterField;
import dev.ior.core.filter.FilterFrame;
import dev.ior.core.stats.Column;
import dev.ior.core.stats.Distribution;
import dev.ior.core.stats.Row;
import dev.ior.tui.input.Keys;
import dev.ior.tui.render.Canvas;
import dev.ior.tui.render.Style;
import dev.ior.tui.tab.KeyHelp;
import dev.ior.tui.tab.Tab;
import dev.ior.tui.tab.TabContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Tab 6: latency and gap histograms side by side, for all syscalls or the one chosen
 * in the list on the left, and under them the latency heatmap over time.
 */
public final class LatencyTab implements Tab {

    /** The list entry for all syscalls together. */
    static final String ALL = "all";
    private static final int LIST = 16;

    private final TabContext context;
    private String chosen = ALL;
    private List<String> names;

    /** The tab. */
    public LatencyTab(TabContext context) {
        this.context = context;
    }

    @Override
    public String title() {
        return "Latency+Gaps";
    }

    @Override
    public String shortTitle() {
        return "Lat";
    }

    @Override
    public String toolbar(Snapshot snapshot) {
        return "j/k:syscall(" + chosen + ")  enter:filter syscall  gap = time since the thread's previous call";
    }

    @Override
    public String detail(Snapshot snapshot) {
        return "heatmap: all syscalls that pass the filter" + (snapshot.series().sinceNs() > 0
                && !snapshot.filter().stack().isEmpty() ? ", counted since the last filter change" : "");
    }

    @Override
    public List<KeyHelp> keys() {
        return List.of(new KeyHelp("j/k  ↓/↑", "histograms of all syscalls or of one"),
                new KeyHelp("Enter", "filter everything by the chosen syscall"));
    }

    @Override
    public void render(Canvas body, Snapshot snapshot) {
        refresh(snapshot);
        body.text(0, 0, "SYSCALL", Style.HEADER);
        for (int i = 0; i < names.size() && i + 1 < body.height(); i++) {
            body.text(0, i + 1, names.get(i), LIST - 1, names.get(i).equals(chosen) ? Style.SELECTED : Style.NORMAL);
        }
        Canvas charts = body.region(LIST, 0, body.width() - LIST, body.height());
        int histogramRows = Math.max(3, charts.height() / 2);
        int half = (charts.width() - 2) / 2;
        Distribution latency = ALL.equals(chosen) ? snapshot.latency() : snapshot.latencyBySyscall().get(chosen);
        Distribution gap = ALL.equals(chosen) ? snapshot.gap() : snapshot.gapBySyscall().get(chosen);
        Histogram.draw(charts.region(0, 0, half, histogramRows), "LATENCY " + chosen, orEmpty(latency));
        Histogram.draw(charts.region(half + 2, 0, charts.width() - half - 2, histogramRows), "GAP " + chosen,
                orEmpty(gap));
        Heatmap.draw(charts.region(0, histogramRows + 1, charts.width(), charts.height() - histogramRows - 1),
                snapshot.series());
    }

    /** "all", then the syscalls of {@code snapshot} by count. */
    private void refresh(Snapshot snapshot) {
        List<String> list = new ArrayList<>();
        list.add(ALL);
        for (Row row : snapshot.syscalls().sorted(Column.COUNT, true)) {
            list.add(row.name());
        }
        names = list;
        if (!names.contains(chosen)) {
            chosen = ALL;
        }
    }

    @Override
    public boolean handle(KeyStroke key, Snapshot snapshot) {
        refresh(snapshot);
        int at = Math.max(0, names.indexOf(chosen));
        if (Keys.down(key)) {
            chosen = names.get(Math.min(names.size() - 1, at + 1));
        } else if (Keys.up(key)) {
            chosen = names.get(Math.max(0, at - 1));
        } else if (Keys.enter(key)) {
            if (ALL.equals(chosen)) {
                context.say("choose a syscall with j/k to filter by it");
            } else {
                context.push(FilterFrame.exact(FilterField.SYSCALL, chosen));
            }
        } else {
            return false;
        }
        return true;
    }

    private static Distribution orEmpty(Distribution d) {
        return d != null ? d : new Distribution(0, 0, new long[dev.ior.core.stats.LogBuckets.OCTAVES], 0, 0, 0, 0, 0,
                0);
    }
}
