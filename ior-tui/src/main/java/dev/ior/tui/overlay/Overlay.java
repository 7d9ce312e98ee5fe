package dev.ior.tui.overlay;

import com.googlecode.lanterna.input.KeyStroke;
import dev.ior.tui.render.Canvas;

/** Something on top of the dashboard that takes every key while open: a prompt, a picker, the help. */
public interface Overlay {

    /** Handles {@code key}; false once the overlay is finished and should close. */
    boolean handle(KeyStroke key);

    /** Draws the overlay over the dashboard; {@code screen} is the whole screen. */
    void render(Canvas screen);
}
