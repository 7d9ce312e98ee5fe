package dev.ior.tui.tab;

import com.googlecode.lanterna.input.KeyStroke;
import dev.ior.core.analysis.Snapshot;
import dev.ior.tui.render.Canvas;
import java.util.List;

/**
 * One of the dashboard's seven tabs. The dashboard draws the chrome (tab bar, filter
 * and health lines) and asks the tab for its toolbar, its detail line and its body,
 * always from one snapshot; keys go to the tab first, then to the dashboard.
 */
public interface Tab {

    /** The name in the tab bar: {@code Flamegraph}. */
    String title();

    /** The name when the tab bar is short of room: {@code Flame}. */
    String shortTitle();

    /** The toolbar: the tab's keys with their state, e.g. {@code o:order(comm/syscall/path)  b:count}. */
    String toolbar(Snapshot snapshot);

    /** The line under the toolbar: details of the selection (full label, figures), or "". */
    String detail(Snapshot snapshot);

    /** The keys this tab answers to, for the help panel. */
    List<KeyHelp> keys();

    /** Draws the tab's body. */
    void render(Canvas body, Snapshot snapshot);

    /** Handles {@code key}; false when the tab does not use it (the dashboard then may). */
    boolean handle(KeyStroke key, Snapshot snapshot);
}
