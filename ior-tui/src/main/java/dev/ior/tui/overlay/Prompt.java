package dev.ior.tui.overlay;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.ior.tui.input.Keys;
import dev.ior.tui.render.Canvas;
import dev.ior.tui.render.Style;
import java.util.function.Consumer;

/**
 * A line of text typed on the bottom row (a search, a file name, a filter frame):
 * Enter hands it over, Escape cancels, Backspace and Ctrl-U edit.
 */
public final class Prompt implements Overlay {

    private final String label;
    private final Consumer<String> onEnter;
    private final StringBuilder text;

    /** A prompt showing {@code label}, starting with {@code initial}; {@code onEnter} gets the text. */
    public Prompt(String label, String initial, Consumer<String> onEnter) {
        this.label = label;
        this.onEnter = onEnter;
        this.text = new StringBuilder(initial);
    }

    @Override
    public boolean handle(KeyStroke key) {
        if (Keys.enter(key)) {
            onEnter.accept(text.toString());
            return false;
        }
        if (Keys.escape(key) || Keys.ctrl(key, 'c')) {
            return false;
        }
        if (Keys.is(key, KeyType.Backspace)) {
            if (!text.isEmpty()) {
                text.setLength(text.length() - 1);
            }
        } else if (Keys.ctrl(key, 'u')) {
            text.setLength(0);
        } else if (Keys.typed(key) != 0) {
            text.append(Keys.typed(key));
        }
        return true;
    }

    @Override
    public void render(Canvas screen) {
        int row = screen.height() - 1;
        screen.fill(0, row, screen.width(), Style.NORMAL);
        int x = screen.text(0, row, label, Style.KEY);
        String shown = text.toString();
        int room = screen.width() - x - 1;
        if (shown.length() > room) {
            shown = shown.substring(shown.length() - room); // keep the end, where typing happens
        }
        x += screen.text(x, row, shown, Style.NORMAL);
        screen.text(x, row, " ", Style.SELECTED); // the cursor
    }
}
