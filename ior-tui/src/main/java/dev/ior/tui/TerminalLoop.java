package dev.ior.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import dev.ior.tui.input.Keys;
import dev.ior.tui.render.Canvas;
import dev.ior.tui.render.Glyphs;
import dev.ior.tui.render.Theme;
import dev.ior.tui.tab.TerminalHandover;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The dashboard's thread: reads keys without blocking, redraws when a key was pressed,
 * the terminal was resized or a new snapshot was published, and otherwise sleeps a few
 * milliseconds. Reading a snapshot is one volatile read, so this thread never waits
 * for the reading thread, nor the reading thread for it. The screen sends only the
 * cells that changed.
 */
final class TerminalLoop implements TerminalHandover {

    private static final long IDLE_NANOS = 10_000_000;

    private final TerminalScreen screen;
    private final Theme theme;
    private final Glyphs glyphs;
    private final String cookedModes;
    private boolean complete = true;

    /**
     * @param cookedModes the terminal's settings before the dashboard took it (for
     *                    programs it lends the terminal to), or null to lend it as is
     */
    TerminalLoop(TerminalScreen screen, Theme theme, Glyphs glyphs, String cookedModes) {
        this.screen = screen;
        this.theme = theme;
        this.glyphs = glyphs;
        this.cookedModes = cookedModes;
    }

    /** Runs {@code ui} until it is done, or {@code limit} (null: no limit) has passed. */
    void run(Screenful ui, Duration limit) throws IOException {
        long end = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
        while (!ui.done() && System.nanoTime() - end < 0) {
            boolean dirty = false;
            KeyStroke key;
            while (!ui.done() && (key = screen.pollInput()) != null) {
                if (key.getKeyType() == KeyType.EOF) {
                    ui.handle(new KeyStroke('c', true, false)); // the terminal is gone: as Ctrl-C
                } else if (Keys.ctrl(key, 'l')) {
                    complete = true;
                } else {
                    ui.handle(key);
                }
                dirty = true;
            }
            if (ui.done()) {
                return;
            }
            if (screen.doResizeIfNecessary() != null) {
                dirty = true;
                complete = true;
            }
            if (dirty || complete || ui.stale()) {
                draw(ui);
            } else {
                LockSupport.parkNanos(IDLE_NANOS);
            }
        }
    }

    /** Draws one frame of {@code ui}. */
    void draw(Screenful ui) throws IOException {
        screen.clear();
        var size = screen.getTerminalSize();
        ui.render(new Canvas(screen.newTextGraphics(), theme, glyphs, size.getColumns(), size.getRows()));
        screen.refresh(complete ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
        complete = false;
    }

    @Override
    public int run(ProcessBuilder program) throws IOException, InterruptedException {
        screen.stopScreen();
        String dashboardModes = cookedModes == null ? null : TtyModes.save();
        try {
            if (cookedModes != null) {
                TtyModes.restore(cookedModes);
            }
            return program.inheritIO().start().waitFor();
        } finally {
            if (dashboardModes != null) {
                TtyModes.restore(dashboardModes);
            }
            screen.startScreen();
            complete = true;
        }
    }
}
