package dev.ior.tui;

import com.googlecode.lanterna.input.KeyStroke;
import dev.ior.tui.render.Canvas;

/** What fills the terminal: the dashboard, or the PID picker before it. */
interface Screenful {

    /** Handles one key. */
    void handle(KeyStroke key);

    /** Whether something to show changed since the last {@link #render} (a new snapshot). */
    boolean stale();

    /** Draws everything. */
    void render(Canvas screen);

    /** Whether it is finished and the terminal can be given back. */
    boolean done();
}
