package dev.ior.tui.overlay;

import com.googlecode.lanterna.input.KeyStroke;
import dev.ior.tui.input.Keys;
import dev.ior.tui.render.Canvas;
import dev.ior.tui.render.Style;

/** A yes/no question on the bottom row: y or Enter says yes, anything else no. */
public final class Confirm implements Overlay {

    private final String question;
    private final Runnable onYes;

    /** Asks {@code question} (shown with " [y/N]"); runs {@code onYes} on y. */
    public Confirm(String question, Runnable onYes) {
        this.question = question;
        this.onYes = onYes;
    }

    @Override
    public boolean handle(KeyStroke key) {
        if (Keys.is(key, 'y') || Keys.is(key, 'Y')) {
            onYes.run();
        }
        return false;
    }

    @Override
    public void render(Canvas screen) {
        int row = screen.height() - 1;
        screen.fill(0, row, screen.width(), Style.WARN);
        screen.text(0, row, question + " [y/N]", Style.WARN);
    }
}
