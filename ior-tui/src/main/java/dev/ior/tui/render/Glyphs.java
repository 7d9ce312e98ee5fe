package dev.ior.tui.render;

import java.util.Locale;
import java.util.Map;

/**
 * The characters charts are drawn with: block elements on a UTF-8 terminal, plain
 * ASCII otherwise (a C locale, a serial console).
 *
 * @param levels    sparkline and heatmap levels, from empty to full
 * @param bar       a full histogram bar cell
 * @param ellipsis  the mark of a label cut short
 * @param up        ascending sort
 * @param down      descending sort
 * @param separator between path steps in a label ({@code bash › read})
 */
public record Glyphs(String levels, char bar, String ellipsis, String up, String down, String separator) {

    /** Block elements. */
    public static final Glyphs UNICODE = new Glyphs(" ▁▂▃▄▅▆▇█", '█', "…", "▲", "▼", " › ");
    /** ASCII only. */
    public static final Glyphs ASCII = new Glyphs(" .:-=+*#@", '#', "~", "^", "v", " > ");

    /** {@link #UNICODE} when the locale's character set is UTF-8 (LC_ALL, LC_CTYPE, LANG), else {@link #ASCII}. */
    public static Glyphs fromEnvironment(Map<String, String> environment) {
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String value = environment.get(name);
            if (value != null && !value.isEmpty()) {
                String lower = value.toLowerCase(Locale.ROOT);
                return lower.contains("utf-8") || lower.contains("utf8") ? UNICODE : ASCII;
            }
        }
        return ASCII;
    }

    /** The level glyph for {@code value} of {@code max} (0 only for 0). */
    public char level(long value, long max) {
        if (value <= 0 || max <= 0) {
            return levels.charAt(0);
        }
        int top = levels.length() - 1;
        return levels.charAt((int) Math.max(1, Math.min(top, Math.round((double) value * top / max))));
    }
}
