package dev.ior.tui.tab.stream;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.ior.core.EventRecord;
import dev.ior.core.IorException;
import dev.ior.core.analysis.Snapshot;
import dev.ior.core.filter.FilterFrame;
import dev.ior.core.filter.FilterStack;
import dev.ior.tui.input.Keys;
import dev.ior.tui.render.Canvas;
import dev.ior.tui.render.Style;
import dev.ior.tui.render.Units;
import dev.ior.tui.tab.KeyHelp;
import dev.ior.tui.tab.Tab;
import dev.ior.tui.tab.TabContext;
import dev.ior.tui.tab.Warning;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Tab 7: the live tail of the events that pass the filter, newest at the bottom. Space
 * pauses it; paused, a row and column cursor moves over the held events, Enter turns a
 * cell into a filter frame, / and ? search every column. A paused view keeps its rows
 * until the filter stack changes, then shows the held events that pass the new one.
 * Live, warnings ({@link Warning}) show among the events at their time, marked WARN;
 * a paused view holds events only.
 */
public final class StreamTab implements Tab {

    private static final List<StreamColumn> COLUMNS = List.of(StreamColumn.values());

    private final TabContext context;
    private final EditorLauncher editor;
    private boolean paused;
    private List<EventRecord> frozen = List.of();
    private FilterStack frozenStack;
    private int row;
    private int column;
    private int top;
    private int pageRows = 10;
    private Pattern search;
    private int searchDirection = 1;
    private Path lastExport;

    /** The tab; exports go to the context's directory, E opens them in the user's editor. */
    public StreamTab(TabContext context) {
        this.context = context;
        this.editor = EditorLauncher.forThisProcess(context.environment());
    }

    @Override
    public String title() {
        return "Stream";
    }

    @Override
    public String shortTitle() {
        return "Stream";
    }

    @Override
    public String toolbar(Snapshot snapshot) {
        return "space:" + (paused ? "paused" : "live") + "  enter:filter  /?:search"
                + (search == null ? "" : "(" + search.pattern() + ")") + "  n/N:next/prev  e:export  x:export paused"
                + "  X:export as  E:edit export";
    }

    @Override
    public String detail(Snapshot snapshot) {
        if (!paused) {
            return Units.count(snapshot.stream().size()) + " latest events that pass the filter; space pauses";
        }
        if (frozen.isEmpty()) {
            return "paused: no events held";
        }
        EventRecord e = frozen.get(row);
        return "paused at " + (row + 1) + "/" + frozen.size() + "  seq " + e.seq() + "  " + e.comm() + " " + e.pid()
                + "/" + e.tid() + " " + e.syscall().name() + " " + StreamColumn.FILE.cell(e);
    }

    @Override
    public List<KeyHelp> keys() {
        return List.of(new KeyHelp("space", "pause / resume the tail"),
                new KeyHelp("h/j/k/l  arrows", "move the cell cursor (paused)"),
                new KeyHelp("Enter", "filter by the cell (latency, gap: at least)"),
                new KeyHelp("/  ?", "regex search forward / backward"),
                new KeyHelp("n/N", "next / previous match, wrapping"),
                new KeyHelp("e", "export the filtered events (CSV)"),
                new KeyHelp("x", "export the paused view to CSV"),
                new KeyHelp("X", "export to a file name you type"),
                new KeyHelp("E", "open the last export in $EDITOR"));
    }

    @Override
    public void render(Canvas body, Snapshot snapshot) {
        pageRows = Math.max(1, body.height() - 1);
        List<?> lines;
        if (paused) {
            if (!snapshot.filter().stack().equals(frozenStack)) {
                refreeze(snapshot);
            }
            row = frozen.isEmpty() ? 0 : Math.clamp(row, 0, frozen.size() - 1);
            if (row < top) {
                top = row;
            } else if (row >= top + pageRows) {
                top = row - pageRows + 1;
            }
            lines = frozen.subList(Math.min(top, frozen.size()), Math.min(frozen.size(), top + pageRows));
        } else {
            top = Math.max(0, snapshot.stream().size() - pageRows);
            lines = liveTail(snapshot.stream(), context.warnings(), pageRows);
        }
        int fileWidth = Math.max(10, body.width() - COLUMNS.stream().mapToInt(c -> c.width() + 1).sum());
        int x = 0;
        for (int c = 0; c < COLUMNS.size(); c++) {
            StreamColumn col = COLUMNS.get(c);
            int w = col == StreamColumn.FILE ? fileWidth : col.width();
            body.text(col.numeric() ? x + Math.max(0, w - col.header().length()) : x, 0, col.header(), w,
                    paused && c == column ? Style.SELECTED : Style.HEADER);
            x += w + 1;
        }
        for (int r = 0; r < lines.size(); r++) {
            switch (lines.get(r)) {
                case EventRecord e -> drawEvent(body, r + 1, e, fileWidth, paused && top + r == row);
                case Warning w -> drawWarning(body, r + 1, w);
                default -> throw new IllegalStateException();
            }
        }
        if (lines.isEmpty()) {
            body.text(2, 2, "no events" + (snapshot.filter().stack().isEmpty() ? " yet" : " that pass the filter"),
                    Style.NORMAL);
        }
    }

    private void drawEvent(Canvas body, int y, EventRecord e, int fileWidth, boolean cursorRow) {
        int x = 0;
        for (int c = 0; c < COLUMNS.size(); c++) {
            StreamColumn col = COLUMNS.get(c);
            int w = col == StreamColumn.FILE ? fileWidth : col.width();
            Style style = cursorRow ? (c == column ? Style.MATCH : Style.SELECTED)
                    : search != null && matches(e) ? Style.MATCH : Style.NORMAL;
            if (style != Style.NORMAL) {
                body.fill(x, y, w + 1, style == Style.MATCH && !cursorRow ? Style.MATCH : Style.SELECTED);
            }
            String cell = col.cell(e);
            if (col == StreamColumn.FILE) {
                body.tail(x, y, cell, w, style);
            } else {
                body.text(col.numeric() ? x + Math.max(0, w - cell.length()) : x, y, cell, w, style);
            }
            x += w + 1;
        }
    }

    /** A warning: its time, then {@code WARN} and the text across the other columns. */
    private static void drawWarning(Canvas body, int y, Warning warning) {
        int x = StreamColumn.TIME.width() + 1;
        body.fill(0, y, body.width(), Style.WARN);
        body.text(0, y, StreamColumn.clock(warning.wallTimeNs()), StreamColumn.TIME.width(), Style.WARN);
        body.text(x, y, "WARN  " + warning.text(), body.width() - x, Style.WARN);
    }

    /**
     * The latest {@code rows} lines of the live tail: events and warnings merged by
     * time, oldest first. Walks back from the newest, so a long tail costs no more than
     * the rows shown.
     */
    static List<Object> liveTail(List<EventRecord> events, List<Warning> warnings, int rows) {
        List<Object> lines = new ArrayList<>(rows);
        int e = events.size() - 1;
        int w = warnings.size() - 1;
        while (lines.size() < rows && (e >= 0 || w >= 0)) {
            if (w < 0 || (e >= 0 && events.get(e).wallTimeNs() > warnings.get(w).wallTimeNs())) {
                lines.add(events.get(e--));
            } else {
                lines.add(warnings.get(w--));
            }
        }
        Collections.reverse(lines);
        return lines;
    }

    @Override
    public boolean handle(KeyStroke key, Snapshot snapshot) {
        if (Keys.is(key, ' ')) {
            if (paused) {
                paused = false;
            } else {
                pause(snapshot);
            }
        } else if (Keys.is(key, '/') || Keys.is(key, '?')) {
            int direction = Keys.is(key, '/') ? 1 : -1;
            context.prompt(Keys.is(key, '/') ? "/" : "?", "", text -> search(text, direction, snapshot));
        } else if (Keys.is(key, 'n') || Keys.is(key, 'N')) {
            jump(Keys.is(key, 'n') ? searchDirection : -searchDirection);
        } else if (Keys.is(key, 'e')) {
            export(StreamExport.defaultName(context.directory(), Instant.now()), context.fresh().stream());
        } else if (Keys.is(key, 'x')) {
            if (!paused) {
                context.error("x exports the paused view: press space to pause first (e exports the live events)");
            } else {
                export(StreamExport.defaultName(context.directory(), Instant.now()), pausedView());
            }
        } else if (Keys.is(key, 'X')) {
            List<EventRecord> rows = paused ? pausedView() : context.fresh().stream();
            context.prompt("export " + Units.count(rows.size()) + " events to: ",
                    StreamExport.defaultName(context.directory(), Instant.now()).getFileName().toString(),
                    name -> {
                        if (!name.isBlank()) {
                            export(context.directory().resolve(name.strip()), rows);
                        }
                    });
        } else if (Keys.is(key, 'E')) {
            edit();
        } else if (paused) {
            return moveOrFilter(key);
        } else {
            return false;
        }
        return true;
    }

    private boolean moveOrFilter(KeyStroke key) {
        if (Keys.left(key)) {
            column = Math.max(0, column - 1);
        } else if (Keys.right(key)) {
            column = Math.min(COLUMNS.size() - 1, column + 1);
        } else if (Keys.up(key)) {
            row = Math.max(0, row - 1);
        } else if (Keys.down(key)) {
            row = Math.min(Math.max(0, frozen.size() - 1), row + 1);
        } else if (Keys.is(key, KeyType.PageUp)) {
            row = Math.max(0, row - pageRows);
        } else if (Keys.is(key, KeyType.PageDown)) {
            row = Math.min(Math.max(0, frozen.size() - 1), row + pageRows);
        } else if (Keys.is(key, 'g') || Keys.is(key, KeyType.Home)) {
            row = 0;
        } else if (Keys.is(key, 'G') || Keys.is(key, KeyType.End)) {
            row = Math.max(0, frozen.size() - 1);
        } else if (Keys.enter(key)) {
            if (!frozen.isEmpty()) {
                StreamColumn col = COLUMNS.get(column);
                FilterFrame frame = col.frame(frozen.get(row));
                if (frame == null) {
                    context.error(col == StreamColumn.TIME ? "no filter by time: choose another column"
                            : "this event has no file to filter on");
                } else {
                    context.push(frame);
                }
            }
        } else {
            return false;
        }
        return true;
    }

    /** The paused rows, as they are once every filter frame pushed so far applies. */
    private List<EventRecord> pausedView() {
        Snapshot fresh = context.fresh();
        if (!fresh.filter().stack().equals(frozenStack)) {
            refreeze(fresh);
        }
        return frozen;
    }

    private void pause(Snapshot snapshot) {
        paused = true;
        refreeze(snapshot);
        row = Math.max(0, frozen.size() - 1);
    }

    /** Holds the rows of {@code snapshot}, keeping the cursor on the same event if it is still there. */
    private void refreeze(Snapshot snapshot) {
        long seq = frozen.isEmpty() ? -1 : frozen.get(Math.min(row, frozen.size() - 1)).seq();
        frozen = snapshot.stream();
        frozenStack = snapshot.filter().stack();
        row = Math.max(0, frozen.size() - 1);
        for (int i = 0; i < frozen.size(); i++) {
            if (frozen.get(i).seq() >= seq) {
                row = i;
                break;
            }
        }
    }

    private void search(String text, int direction, Snapshot snapshot) {
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
        searchDirection = direction;
        if (!paused) {
            pause(snapshot); // a match is a row to stop at
        }
        jump(direction);
    }

    /** Moves the cursor to the next match in {@code direction}, wrapping at either end. */
    private void jump(int direction) {
        if (search == null) {
            context.say("no search: press / or ? first");
            return;
        }
        if (!paused || frozen.isEmpty()) {
            return;
        }
        for (int step = 1; step <= frozen.size(); step++) {
            int i = Math.floorMod(row + direction * step, frozen.size());
            if (matches(frozen.get(i))) {
                if ((direction > 0 && i <= row) || (direction < 0 && i >= row)) {
                    context.say("search wrapped");
                }
                row = i;
                return;
            }
        }
        context.say("no event matches " + search.pattern());
    }

    private boolean matches(EventRecord e) {
        for (StreamColumn col : COLUMNS) {
            if (search.matcher(col.cell(e)).find()) {
                return true;
            }
        }
        return false;
    }

    private void export(Path path, List<EventRecord> rows) {
        try {
            StreamExport.write(path, rows);
            lastExport = path;
            context.say("exported " + Units.count(rows.size()) + " events to " + path + " (E opens it)");
        } catch (IorException e) {
            context.error(e.getMessage());
        }
    }

    private void edit() {
        if (lastExport == null) {
            context.error("nothing exported yet: e, x or X export first");
            return;
        }
        try {
            int code = context.terminal().run(editor.command(lastExport));
            if (code != 0) {
                context.error("the editor ended with exit code " + code);
            }
        } catch (IOException e) {
            context.error("cannot start the editor: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
