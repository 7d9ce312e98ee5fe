package dev.ior.tui.picker;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.ior.tui.input.Keys;
import dev.ior.tui.render.Canvas;
import dev.ior.tui.render.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A list to choose from by typing: typed text narrows the entries to those whose label
 * contains it (any case), ↑/↓ and PgUp/PgDn move the cursor. Pinned entries ("All
 * PIDs") stay in the list whatever is typed.
 *
 * @param <T> what an entry stands for
 */
final class Choices<T> {

    /** One entry: its label and what it stands for. */
    record Entry<T>(String label, T value, boolean pinned) {
    }

    private final List<Entry<T>> entries;
    private final StringBuilder query = new StringBuilder();
    private List<Entry<T>> shown;
    private int cursor;
    private int top;
    private int pageRows = 10;

    Choices(List<Entry<T>> entries) {
        this.entries = List.copyOf(entries);
        this.shown = this.entries;
    }

    /** Typing, deleting and moving; true when the key was one of them. */
    boolean handle(KeyStroke key) {
        if (Keys.is(key, KeyType.ArrowUp)) {
            cursor = Math.max(0, cursor - 1);
        } else if (Keys.is(key, KeyType.ArrowDown)) {
            cursor = Math.min(Math.max(0, shown.size() - 1), cursor + 1);
        } else if (Keys.is(key, KeyType.PageUp)) {
            cursor = Math.max(0, cursor - pageRows);
        } else if (Keys.is(key, KeyType.PageDown)) {
            cursor = Math.min(Math.max(0, shown.size() - 1), cursor + pageRows);
        } else if (Keys.is(key, KeyType.Backspace)) {
            if (!query.isEmpty()) {
                query.setLength(query.length() - 1);
                narrow();
            }
        } else if (Keys.ctrl(key, 'u')) {
            query.setLength(0);
            narrow();
        } else if (Keys.typed(key) != 0) {
            query.append(Keys.typed(key));
            narrow();
        } else {
            return false;
        }
        return true;
    }

    /** The entry under the cursor, or null when nothing is shown. */
    Entry<T> current() {
        return shown.isEmpty() ? null : shown.get(cursor);
    }

    /** The entries shown, in order. */
    List<Entry<T>> shown() {
        return shown;
    }

    /** Whether text has been typed. */
    boolean hasQuery() {
        return !query.isEmpty();
    }

    /** Forgets the typed text. */
    void clearQuery() {
        query.setLength(0);
        narrow();
    }

    /** Puts the cursor on the first shown entry {@code which} accepts. */
    void select(Predicate<T> which) {
        for (int i = 0; i < shown.size(); i++) {
            if (which.test(shown.get(i).value())) {
                cursor = i;
                return;
            }
        }
    }

    /**
     * Draws the query line and the entries in {@code area}; {@code marker} gives the
     * text before each label (a checkbox), or null for none.
     */
    void render(Canvas area, java.util.function.Function<Entry<T>, String> marker) {
        area.text(0, 0, "type to filter: ", Style.KEY);
        area.text(16, 0, query + "_", Style.NORMAL);
        area.text(Math.max(40, area.width() - 24), 0, shown.size() + " of " + entries.size() + " shown",
                Style.NORMAL);
        pageRows = Math.max(1, area.height() - 2);
        if (cursor < top) {
            top = cursor;
        } else if (cursor >= top + pageRows) {
            top = cursor - pageRows + 1;
        }
        for (int r = 0; r < pageRows && top + r < shown.size(); r++) {
            Entry<T> entry = shown.get(top + r);
            String text = (marker == null ? "" : marker.apply(entry)) + entry.label();
            Style style = top + r == cursor ? Style.SELECTED : Style.NORMAL;
            area.fill(0, r + 2, area.width(), style);
            area.text(0, r + 2, text, area.width(), style);
        }
    }

    private void narrow() {
        String lower = query.toString().toLowerCase(Locale.ROOT);
        List<Entry<T>> narrowed = new ArrayList<>();
        for (Entry<T> entry : entries) {
            if (entry.pinned() || entry.label().toLowerCase(Locale.ROOT).contains(lower)) {
                narrowed.add(entry);
            }
        }
        shown = narrowed;
        // the first real match, rather than the pinned entry, once something is typed
        cursor = 0;
        if (!lower.isEmpty()) {
            for (int i = 0; i < shown.size(); i++) {
                if (!shown.get(i).pinned()) {
                    cursor = i;
                    break;
                }
            }
        }
        top = 0;
    }
}
