package dev.ior.tui.tab.table;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.ior.core.IorException;
import dev.ior.core.analysis.Snapshot;
import dev.ior.core.filter.FilterField;
import dev.ior.core.filter.FilterFrame;
import dev.ior.core.filter.FilterOperator;
import dev.ior.core.stats.Row;
import dev.ior.core.stats.Table;
import dev.ior.tui.input.Keys;
import dev.ior.tui.render.Canvas;
import dev.ior.tui.render.Style;
import dev.ior.tui.render.Units;
import dev.ior.tui.tab.KeyHelp;
import dev.ior.tui.tab.Tab;
import dev.ior.tui.tab.TabContext;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Tabs 3, 4 and 5: a sortable table of syscalls, files or processes with a row and a
 * column cursor. The row cursor follows its key (a syscall, a path, a pid) as live
 * numbers reorder the rows. Enter turns the cell under the cursor into a filter frame.
 * v shows the same rows as a treemap, as bubbles or (files grouped by directory) as an
 * icicle of the directory tree, sized by the metric b chooses; there the cursor selects
 * a box and Enter filters by its row.
 */
public final class TableTab implements Tab {

    private final TabContext context;
    private TableKind kind;
    private int column;
    private TableColumn sortColumn = TableColumn.COUNT;
    private boolean descending = true;
    /** Whether the rows are sorted by {@link #metric} (b) rather than by {@link #sortColumn} (s). */
    private boolean sortByMetric;
    private TableView view = TableView.TABLE;
    private ViewMetric metric = ViewMetric.COUNT;
    private String rowKey;
    private int rowIndex;
    private int top;
    private int levels;
    private int pageRows = 10;
    private List<Row> shown = List.of();

    private TableTab(TabContext context, TableKind kind) {
        this.context = context;
        this.kind = kind;
    }

    /** Tab 3: one row per syscall. */
    public static TableTab syscalls(TabContext context) {
        return new TableTab(context, TableKind.SYSCALLS);
    }

    /** Tab 4: one row per file, rolled up to directories with d. */
    public static TableTab files(TabContext context) {
        return new TableTab(context, TableKind.FILES);
    }

    /** Tab 5: one row per process, or per command name with c. */
    public static TableTab processes(TabContext context) {
        return new TableTab(context, TableKind.PROCESSES);
    }

    @Override
    public String title() {
        return kind.title();
    }

    @Override
    public String shortTitle() {
        return kind == TableKind.SYSCALLS ? "Sys" : kind == TableKind.FILES ? "Files" : "Procs";
    }

    @Override
    public String toolbar(Snapshot snapshot) {
        String views = "v:view(" + view().label() + ")  b:by(" + metric.label() + ")  ";
        String state = views + (view() == TableView.TABLE ? "s:sort(" + sortLabel() + (descending ? " desc" : " asc")
                + ")  S:reverse  h/l:column  j/k:row  enter:filter" : "j/k:select  enter:filter");
        return switch (kind) {
            case FILES -> state + "  d/D:dirs(" + (levels == 0 ? "files" : "up " + levels) + ")";
            case PROCESSES, COMMS -> state + "  c:by(" + (kind == TableKind.PROCESSES ? "pid" : "comm") + ")";
            case SYSCALLS -> state;
        };
    }

    @Override
    public String detail(Snapshot snapshot) {
        if (shown.isEmpty()) {
            return "";
        }
        Row row = shown.get(rowIndex);
        String errnos = row.errnos().stream().limit(4).map(e -> e.errno() + " " + Units.count(e.count()))
                .collect(Collectors.joining(", "));
        return TableColumn.NAME.cell(row) + (row.comm().isEmpty() ? "" : " (" + row.comm() + ")") + "  p50 "
                + Units.duration(row.p50()) + "  total " + Units.duration(row.totalLatencyNs())
                + (errnos.isEmpty() ? "" : "  errors: " + errnos);
    }

    @Override
    public List<KeyHelp> keys() {
        List<KeyHelp> keys = new ArrayList<>(List.of(
                new KeyHelp("h/l  ←/→", "column cursor"),
                new KeyHelp("j/k  ↓/↑", "row cursor (PgUp/PgDn, g/G)"),
                new KeyHelp("s", "sort by the column under the cursor"),
                new KeyHelp("S", "reverse the sort"),
                new KeyHelp("Enter", "filter by the cell (latency: at least)"),
                new KeyHelp("v", "view: table, treemap, bubbles (icicle of directories)"),
                new KeyHelp("b", "size views and sort by count, bytes, total duration")));
        if (kind == TableKind.FILES) {
            keys.add(new KeyHelp("d / D", "roll up to directories / back down"));
        } else if (kind != TableKind.SYSCALLS) {
            keys.add(new KeyHelp("c", "rows per pid or per command name"));
        }
        return keys;
    }

    @Override
    public void render(Canvas body, Snapshot snapshot) {
        if (view() != TableView.TABLE) {
            renderChart(body, snapshot);
            return;
        }
        List<TableColumn> columns = kind.columns();
        pageRows = Math.max(1, body.height() - 1);
        refresh(snapshot);
        int nameWidth = Math.max(12, body.width() - columns.stream().mapToInt(c -> c.width() + 1).sum());
        int x = 0;
        for (int c = 0; c < columns.size(); c++) {
            TableColumn col = columns.get(c);
            int w = col == TableColumn.NAME ? nameWidth : col.width();
            String title = header(col) + (col == sortColumn && !sortByMetric ? (descending ? context.glyphs().down()
                    : context.glyphs().up()) : "");
            body.text(col.text() ? x : x + Math.max(0, w - title.length()), 0, title, w,
                    c == column ? Style.SELECTED : Style.HEADER);
            for (int r = 0; r < pageRows && top + r < shown.size(); r++) {
                Row row = shown.get(top + r);
                boolean cursorRow = top + r == rowIndex;
                Style style = cursorRow ? (c == column ? Style.MATCH : Style.SELECTED) : Style.NORMAL;
                if (cursorRow) {
                    body.fill(x, r + 1, w + 1, Style.SELECTED);
                }
                String cell = col.cell(row);
                if (col == TableColumn.NAME && kind == TableKind.FILES) {
                    body.tail(x, r + 1, cell, w, style); // a long path keeps its file name
                } else {
                    body.text(col.text() ? x : x + Math.max(0, w - cell.length()), r + 1, cell, w, style);
                }
            }
            x += w + 1;
        }
        if (shown.isEmpty()) {
            body.text(2, 2, "no events counted yet" + (snapshot.filter().stack().isEmpty() ? ""
                    : " that pass the filter"), Style.NORMAL);
        }
    }

    /** The rows as a chart of the chosen view, the cursor's row selected. */
    private void renderChart(Canvas body, Snapshot snapshot) {
        pageRows = Math.max(1, body.height());
        refresh(snapshot);
        RowCharts charts = new RowCharts(body, kind, metric);
        int selected = shown.isEmpty() ? -1 : rowIndex;
        if (!charts.anything(shown)) {
            body.text(2, 2, "no " + metric.label() + " counted yet" + (snapshot.filter().stack().isEmpty() ? ""
                    : " that pass the filter"), Style.NORMAL);
        } else if (view() == TableView.TREEMAP) {
            charts.treemap(shown, selected);
        } else if (view() == TableView.BUBBLES) {
            charts.bubbles(shown, selected);
        } else {
            charts.icicle(snapshot.files().rows(), selected < 0 ? "" : TableColumn.NAME.cell(shown.get(selected)));
        }
    }

    /** The rows of {@code snapshot} in the chosen order (charts: by the metric), the cursor kept on its row. */
    private void refresh(Snapshot snapshot) {
        column = Math.min(column, kind.columns().size() - 1);
        Table table = kind.table(snapshot, levels);
        shown = view() != TableView.TABLE ? table.rows().stream().sorted(metric.order(true)).toList()
                : sortByMetric ? table.rows().stream().sorted(metric.order(descending)).toList()
                : table.sorted(sortColumn.sort(), descending);
        placeCursor();
    }

    /** The view shown: the third follows the directory grouping. */
    private TableView view() {
        return view.with(kind == TableKind.FILES && levels > 0);
    }

    private String sortLabel() {
        return sortByMetric ? metric.label() : header(sortColumn).toLowerCase();
    }

    @Override
    public boolean handle(KeyStroke key, Snapshot snapshot) {
        refresh(snapshot); // the rows as of this key, which may come before the next frame
        List<TableColumn> columns = kind.columns();
        boolean table = view() == TableView.TABLE;
        if (Keys.is(key, 'v')) {
            view = view().next(kind == TableKind.FILES && levels > 0);
            refresh(snapshot);
        } else if (Keys.is(key, 'b')) {
            metric = metric.next();
            sortByMetric = metric != ViewMetric.COUNT; // count has its column
            sortColumn = sortByMetric ? sortColumn : TableColumn.COUNT;
            descending = true;
            keepCursorRow();
            refresh(snapshot);
        } else if (!table && (Keys.left(key) || Keys.right(key))) {
            moveRow(Keys.left(key) ? -1 : 1); // boxes are laid out in the rows' order
        } else if (Keys.left(key)) {
            column = Math.max(0, column - 1);
        } else if (Keys.right(key)) {
            column = Math.min(columns.size() - 1, column + 1);
        } else if (Keys.up(key)) {
            moveRow(-1);
        } else if (Keys.down(key)) {
            moveRow(1);
        } else if (Keys.is(key, KeyType.PageUp)) {
            moveRow(-pageRows);
        } else if (Keys.is(key, KeyType.PageDown)) {
            moveRow(pageRows);
        } else if (Keys.is(key, 'g') || Keys.is(key, KeyType.Home)) {
            moveRow(-shown.size());
        } else if (Keys.is(key, 'G') || Keys.is(key, KeyType.End)) {
            moveRow(shown.size());
        } else if (Keys.is(key, 's')) {
            sortColumn = columns.get(column);
            sortByMetric = false;
            descending = !sortColumn.text();
            keepCursorRow();
        } else if (Keys.is(key, 'S')) {
            descending = !descending;
            keepCursorRow();
        } else if (Keys.enter(key)) {
            try {
                filterByCell(table ? columns.get(column) : TableColumn.NAME);
            } catch (IorException e) {
                context.error(e.getMessage());
            }
        } else if (kind == TableKind.FILES && Keys.is(key, 'd')) {
            rollUp(snapshot);
            refresh(snapshot);
        } else if (kind == TableKind.FILES && Keys.is(key, 'D')) {
            levels = Math.max(0, levels - 1);
            refresh(snapshot);
        } else if ((kind == TableKind.PROCESSES || kind == TableKind.COMMS) && Keys.is(key, 'c')) {
            kind = kind == TableKind.PROCESSES ? TableKind.COMMS : TableKind.PROCESSES;
            column = 0;
            rowKey = null;
            rowIndex = 0; // another table: start at its top
            refresh(snapshot);
        } else {
            return false;
        }
        return true;
    }

    /** One more level up, or back to files when another level would merge nothing more. */
    private void rollUp(Snapshot snapshot) {
        int rows = kind.table(snapshot, levels).rows().size();
        int next = levels + 1;
        levels = kind.table(snapshot, next).rows().size() < rows || hasDeeperPaths(snapshot, next) ? next : 0;
    }

    /** Whether rolling up {@code levels} still leaves paths below the root (more levels could merge them). */
    private boolean hasDeeperPaths(Snapshot snapshot, int levels) {
        return kind.table(snapshot, levels).rows().stream()
                .anyMatch(r -> r.name().startsWith("/") && r.name().length() > 1);
    }

    private void filterByCell(TableColumn col) {
        if (shown.isEmpty()) {
            return;
        }
        Row row = shown.get(rowIndex);
        if (col.latency()) {
            context.push(FilterFrame.of(FilterField.LATENCY, FilterOperator.AT_LEAST, col.cell(row)));
            return;
        }
        if (col == TableColumn.COMM && !row.comm().isEmpty()) {
            context.push(FilterFrame.exact(FilterField.COMM, row.comm()));
            return;
        }
        if (col == TableColumn.FAMILY && !row.family().isEmpty()) {
            context.push(FilterFrame.exact(FilterField.FAMILY, row.family())); // the dashboard scoped to one family
            return;
        }
        FilterFrame frame = kind.frame(row, levels > 0);
        if (frame == null) {
            context.error(row.other() ? "the (other) row merges evicted keys: it has no single value to filter on"
                    : "these events have no file to filter on");
            return;
        }
        context.push(frame);
    }

    /** The cursor's row stays under the cursor through a new order. */
    private void keepCursorRow() {
        if (!shown.isEmpty()) {
            rowKey = key(shown.get(rowIndex));
        }
    }

    private void moveRow(int by) {
        if (shown.isEmpty()) {
            return;
        }
        rowIndex = Math.clamp((long) rowIndex + by, 0, shown.size() - 1);
        rowKey = key(shown.get(rowIndex));
    }

    /** Keeps the cursor on its key if the key is still shown, and in view. */
    private void placeCursor() {
        if (rowKey != null) {
            for (int i = 0; i < shown.size(); i++) {
                if (key(shown.get(i)).equals(rowKey)) {
                    rowIndex = i;
                    break;
                }
            }
        }
        rowIndex = shown.isEmpty() ? 0 : Math.clamp(rowIndex, 0, shown.size() - 1);
        if (rowIndex < top) {
            top = rowIndex;
        } else if (rowIndex >= top + pageRows) {
            top = rowIndex - pageRows + 1;
        }
        top = Math.max(0, Math.min(top, shown.size() - pageRows));
    }

    private static String key(Row row) {
        return row.name() + '\0' + row.comm();
    }

    private String header(TableColumn col) {
        return col == TableColumn.NAME ? kind.nameHeader() : col.header();
    }
}
