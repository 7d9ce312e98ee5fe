package dev.ior.tui.tab.flame;

import com.googlecode.lanterna.input.KeyStroke;
import dev.ior.core.analysis.Snapshot;
import dev.ior.core.flame.FlameGraph;
import dev.ior.core.flame.FlameMetric;
import dev.ior.core.flame.FlameNode;
import dev.ior.core.flame.FlameOrder;
import dev.ior.core.flame.FlameTotals;
import dev.ior.core.flame.PauseMode;
import dev.ior.tui.input.Keys;
import dev.ior.tui.render.Canvas;
import dev.ior.tui.render.Style;
import dev.ior.tui.render.Units;
import dev.ior.tui.tab.KeyHelp;
import dev.ior.tui.tab.Tab;
import dev.ior.tui.tab.TabContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Tab 1: the live flamegraph. Bars are rebuilt from each snapshot's keyed counts along
 * the chosen ordering and metric, so o and b change the picture at once without losing
 * anything. The root is at the bottom; the selection, zoom and search are kept as label
 * paths, so they follow their frames as the picture moves.
 */
public final class FlameTab implements Tab {

    private static final Style[] PALETTE = {Style.FLAME_A, Style.FLAME_B, Style.FLAME_C};
    /** Narrower frames show no label: a letter and an ellipsis say nothing. */
    private static final int MIN_LABEL = 3;

    private final TabContext context;
    private FlameOrder order;
    private FlameMetric metric;
    private final Deque<List<String>> zooms = new ArrayDeque<>();
    private List<String> selection = List.of();
    private Pattern search;
    private boolean paused;
    private FlameLayout layout;
    private int width;
    private Snapshot last;

    /** A flamegraph tab starting with {@code order} and {@code metric}. */
    public FlameTab(TabContext context, FlameOrder order, FlameMetric metric) {
        this.context = context;
        this.order = order;
        this.metric = metric;
    }

    @Override
    public String title() {
        return "Flamegraph";
    }

    @Override
    public String shortTitle() {
        return "Flame";
    }

    @Override
    public String toolbar(Snapshot snapshot) {
        return "o:order(" + order.label() + ")  b:" + metric.label() + "  space:" + (paused ? "paused" : "live")
                + "  r:reset  enter:zoom  u:unzoom  /:search" + (search == null ? "" : "(" + search.pattern() + ")");
    }

    @Override
    public String detail(Snapshot snapshot) {
        FlameGraph flame = snapshot.flame();
        FlameTotals totals = flame.totals(order, false, selection);
        long all = flame.total(metric);
        String label = selection.isEmpty() ? FlameGraph.ROOT : String.join(context.glyphs().separator(), selection);
        StringBuilder line = new StringBuilder(label).append("  ").append(Units.count(totals.count()))
                .append(" events  ").append(Units.bytes(totals.bytes())).append("  ")
                .append(Units.percent(totals.value(metric), all)).append(" of ").append(metric.label());
        if (layout != null && !layout.zoom().isEmpty()) {
            line.append("  [zoom: ").append(String.join(context.glyphs().separator(), layout.zoom())).append(']');
        }
        if (search != null) {
            line.append("  [").append(matches().size()).append(" match").append(matches().size() == 1 ? "" : "es")
                    .append(']');
        }
        return line.toString();
    }

    @Override
    public List<KeyHelp> keys() {
        return List.of(new KeyHelp("h/l  ←/→", "previous / next frame on the same row"),
                new KeyHelp("j/k  ↓/↑", "shallower / deeper frame"),
                new KeyHelp("Enter", "zoom in; the rest greys out"),
                new KeyHelp("u  Esc", "undo the zoom (else Esc pops a filter)"),
                new KeyHelp("b", "bar width: event count or bytes"),
                new KeyHelp("o", "next of the five orderings"),
                new KeyHelp("/", "regex search of frames; empty ends it"),
                new KeyHelp("n/N", "next / previous matching frame"),
                new KeyHelp("r", "reset: count from now on"),
                new KeyHelp("space", "pause / resume the picture"));
    }

    @Override
    public void render(Canvas body, Snapshot snapshot) {
        width = body.width();
        FlameNode root = layOut(snapshot);
        if (root.value() == 0) {
            body.text(2, body.height() / 2, "no " + (metric == FlameMetric.COUNT ? "events" : "bytes")
                    + " counted yet" + (snapshot.filter().stack().isEmpty() ? "" : " that pass the filter"),
                    Style.NORMAL);
            return;
        }
        FlameLayout.Box selected = layout.nearest(selection);
        selection = selected.path();
        int[] onRow = new int[body.height()];
        for (FlameLayout.Box box : layout.boxes()) {
            int y = body.height() - 1 - box.depth();
            if (y < 0) {
                continue;
            }
            Style style = box == selected ? Style.FLAME_SELECTED
                    : box.ancestor() || (search != null && !matches(box)) ? Style.FLAME_GREY
                    : PALETTE[(onRow[y] + box.depth()) % PALETTE.length];
            onRow[y]++;
            int inner = box.width() > 1 ? box.width() - 1 : 1; // the last column parts neighbours
            body.fill(box.x(), y, inner, style);
            if (inner >= MIN_LABEL) {
                if (box.label().startsWith("/")) {
                    body.tail(box.x(), y, box.label(), inner, style); // a path keeps its file name
                } else {
                    body.text(box.x(), y, box.label(), inner, style);
                }
            }
        }
    }

    /** Lays the snapshot out on the width last drawn, as the user sees it (keys may come between frames). */
    private FlameNode layOut(Snapshot snapshot) {
        last = snapshot;
        FlameNode root = snapshot.flame().tree(order, metric, false);
        layout = FlameLayout.of(root, zooms.isEmpty() ? List.of() : zooms.peek(), Math.max(1, width));
        return root;
    }

    @Override
    public boolean handle(KeyStroke key, Snapshot snapshot) {
        layOut(snapshot);
        if (Keys.is(key, 'o')) {
            order = order.next();
            zooms.clear();
            selection = List.of();
        } else if (Keys.is(key, 'b')) {
            metric = metric.next();
        } else if (Keys.is(key, 'r')) {
            context.analysis().resetFlame();
            context.say("flamegraph reset: it counts from now on");
        } else if (Keys.is(key, ' ')) {
            paused = !paused;
            if (paused) {
                context.analysis().pauseFlame(PauseMode.KEEP_COUNTING);
            } else {
                context.analysis().resumeFlame();
            }
        } else if (Keys.is(key, '/')) {
            context.prompt("/", search == null ? "" : search.pattern(), this::search);
        } else if (Keys.is(key, 'n') || Keys.is(key, 'N')) {
            jumpToMatch(Keys.is(key, 'n') ? 1 : -1);
        } else if (Keys.enter(key)) {
            if (!selection.isEmpty() && !selection.equals(zooms.peek())) {
                zooms.push(selection);
            }
        } else if (Keys.is(key, 'u') || Keys.escape(key)) {
            if (zooms.isEmpty()) {
                return Keys.is(key, 'u'); // Esc then pops a filter frame
            }
            zooms.pop();
        } else {
            return move(key);
        }
        return true;
    }

    private boolean move(KeyStroke key) {
        if (layout.boxes().isEmpty()) {
            return Keys.left(key) || Keys.right(key) || Keys.up(key) || Keys.down(key);
        }
        FlameLayout.Box current = layout.nearest(selection);
        FlameLayout.Box next;
        if (Keys.left(key) || Keys.right(key)) {
            next = layout.beside(current, Keys.left(key) ? -1 : 1);
        } else if (Keys.down(key)) {
            next = current.path().isEmpty() ? null : layout.at(current.path().subList(0, current.path().size() - 1));
        } else if (Keys.up(key)) {
            next = layout.above(current);
        } else {
            return false;
        }
        if (next != null) {
            selection = next.path();
        }
        return true;
    }

    private void search(String text) {
        if (text.isEmpty()) {
            search = null;
            return;
        }
        try {
            search = Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            context.error("search \"" + text + "\": " + e.getDescription());
            return;
        }
        if (last != null) {
            layOut(last);
            jumpToMatch(1);
        }
    }

    private void jumpToMatch(int direction) {
        List<FlameLayout.Box> matches = matches();
        if (matches.isEmpty()) {
            context.say(search == null ? "no search: press / first" : "no frame matches " + search.pattern());
            return;
        }
        int at = -1;
        for (int i = 0; i < matches.size(); i++) {
            if (matches.get(i).path().equals(selection)) {
                at = i;
            }
        }
        int next = at < 0 ? (direction > 0 ? 0 : matches.size() - 1)
                : Math.floorMod(at + direction, matches.size());
        selection = matches.get(next).path();
    }

    /** The placed frames that match the search, bottom row first, left to right. */
    private List<FlameLayout.Box> matches() {
        List<FlameLayout.Box> matches = new ArrayList<>();
        if (search != null && layout != null) {
            for (FlameLayout.Box box : layout.boxes()) {
                if (!box.ancestor() && matches(box)) {
                    matches.add(box);
                }
            }
            matches.sort((a, b) -> a.depth() != b.depth() ? Integer.compare(a.depth(), b.depth())
                    : Integer.compare(a.x(), b.x()));
        }
        return matches;
    }

    private boolean matches(FlameLayout.Box box) {
        return search.matcher(box.label()).find();
    }
}
