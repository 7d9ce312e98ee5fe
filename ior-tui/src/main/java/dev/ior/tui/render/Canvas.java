package dev.ior.tui.render;

import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.graphics.TextGraphics;

/**
 * A rectangle of the screen to draw text in, with styles from a {@link Theme}.
 * Everything drawn is clipped to the rectangle, and characters a terminal would act
 * on (control characters, escape sequences) are shown as {@code \xHH} instead, so no
 * path or command name can move the cursor or change colours.
 */
public final class Canvas {

    private final TextGraphics graphics;
    private final Theme theme;
    private final Glyphs glyphs;
    private final int left;
    private final int top;
    private final int width;
    private final int height;

    /** The whole of {@code graphics}' area, {@code width} × {@code height}. */
    public Canvas(TextGraphics graphics, Theme theme, Glyphs glyphs, int width, int height) {
        this(graphics, theme, glyphs, 0, 0, width, height);
    }

    private Canvas(TextGraphics graphics, Theme theme, Glyphs glyphs, int left, int top, int width, int height) {
        this.graphics = graphics;
        this.theme = theme;
        this.glyphs = glyphs;
        this.left = left;
        this.top = top;
        this.width = Math.max(0, width);
        this.height = Math.max(0, height);
    }

    /** Columns. */
    public int width() {
        return width;
    }

    /** Rows. */
    public int height() {
        return height;
    }

    /** The glyphs to draw charts with. */
    public Glyphs glyphs() {
        return glyphs;
    }

    /** The part of this canvas at ({@code x}, {@code y}), clipped to it. */
    public Canvas region(int x, int y, int w, int h) {
        int cx = Math.clamp(x, 0, width);
        int cy = Math.clamp(y, 0, height);
        return new Canvas(graphics, theme, glyphs, left + cx, top + cy, Math.min(w, width - cx),
                Math.min(h, height - cy));
    }

    /** Draws {@code text} at ({@code x}, {@code y}), cut at the right edge; returns the columns used. */
    public int text(int x, int y, String text, Style style) {
        if (y < 0 || y >= height || x < 0 || x >= width || text.isEmpty()) {
            return 0;
        }
        String fitted = TerminalTextUtils.fitString(printable(text), width - x);
        apply(style);
        graphics.putString(left + x, top + y, fitted);
        return TerminalTextUtils.getColumnWidth(fitted);
    }

    /** Draws {@code text} cut to {@code columns}, ending in an ellipsis when cut; returns the columns used. */
    public int text(int x, int y, String text, int columns, Style style) {
        return text(x, y, fit(text, Math.min(columns, width - x), glyphs.ellipsis()), style);
    }

    /**
     * Draws {@code text} in at most {@code columns}, keeping its end when cut (the file
     * name of a long path): {@code …/base/16384/2619}. Returns the columns used.
     */
    public int tail(int x, int y, String text, int columns, Style style) {
        return text(x, y, fitTail(text, Math.min(columns, width - x), glyphs.ellipsis()), style);
    }

    /** Fills {@code w} cells from ({@code x}, {@code y}) with {@code c}. */
    public void fill(int x, int y, int w, char c, Style style) {
        if (y < 0 || y >= height || w <= 0) {
            return;
        }
        int from = Math.max(0, x);
        int to = Math.min(width, x + w);
        if (from < to) {
            apply(style);
            graphics.drawLine(left + from, top + y, left + to - 1, top + y, c);
        }
    }

    /** Fills {@code w} cells from ({@code x}, {@code y}) with spaces in {@code style}. */
    public void fill(int x, int y, int w, Style style) {
        fill(x, y, w, ' ', style);
    }

    /** Blanks the whole canvas. */
    public void clear() {
        for (int y = 0; y < height; y++) {
            fill(0, y, width, Style.NORMAL);
        }
    }

    /** {@code text} made printable: control characters become {@code \xHH}. */
    public static String printable(String text) {
        int i = 0;
        while (i < text.length() && !Character.isISOControl(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format("\\x%02x", (int) c & 0xff));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code text} in at most {@code columns} terminal columns, its end replaced by {@code ellipsis} when cut. */
    public static String fit(String text, int columns, String ellipsis) {
        String clean = printable(text);
        if (columns <= 0) {
            return "";
        }
        if (TerminalTextUtils.getColumnWidth(clean) <= columns) {
            return clean;
        }
        if (columns <= ellipsis.length()) {
            return TerminalTextUtils.fitString(clean, columns);
        }
        return TerminalTextUtils.fitString(clean, columns - ellipsis.length()) + ellipsis;
    }

    /** {@code text} in at most {@code columns} columns, its start replaced by {@code ellipsis} when cut. */
    public static String fitTail(String text, int columns, String ellipsis) {
        String clean = printable(text);
        if (columns <= 0) {
            return "";
        }
        if (TerminalTextUtils.getColumnWidth(clean) <= columns) {
            return clean;
        }
        int from = clean.length();
        int used = ellipsis.length();
        while (from > 0 && used + TerminalTextUtils.getColumnWidth(clean.substring(from - 1, from)) <= columns) {
            from--;
            used += TerminalTextUtils.getColumnWidth(clean.substring(from, from + 1));
        }
        return (columns > ellipsis.length() ? ellipsis : "") + clean.substring(from);
    }

    private void apply(Style style) {
        Theme.Look look = theme.look(style);
        graphics.setForegroundColor(look.foreground());
        graphics.setBackgroundColor(look.background());
        graphics.setModifiers(look.modifiers());
    }
}
