package dev.ior.tui.render;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

/**
 * Colours and attributes per {@link Style}. Colours are the terminal's own 16 ANSI
 * colours (its theme decides the shades), and every coloured text sits on an explicit
 * background with a foreground chosen for it, so it reads on dark and light terminals
 * alike; plain text keeps the terminal's default colours. With {@code NO_COLOR}
 * (https://no-color.org) only bold, underline and reverse video are used.
 */
public final class Theme {

    /** How one style is drawn. */
    public record Look(TextColor foreground, TextColor background, EnumSet<SGR> modifiers) {
    }

    private final Map<Style, Look> looks;
    private final boolean colour;

    private Theme(Map<Style, Look> looks, boolean colour) {
        this.looks = looks;
        this.colour = colour;
    }

    /** The colour theme. */
    public static Theme colour() {
        Map<Style, Look> looks = base();
        looks.put(Style.TAB_ACTIVE, look(TextColor.ANSI.BLACK, TextColor.ANSI.CYAN, SGR.BOLD));
        looks.put(Style.WARN, look(TextColor.ANSI.BLACK, TextColor.ANSI.YELLOW));
        looks.put(Style.ERROR, look(TextColor.ANSI.WHITE_BRIGHT, TextColor.ANSI.RED, SGR.BOLD));
        looks.put(Style.RECORDING, look(TextColor.ANSI.WHITE_BRIGHT, TextColor.ANSI.RED, SGR.BOLD));
        looks.put(Style.MATCH, look(TextColor.ANSI.BLACK, TextColor.ANSI.YELLOW_BRIGHT, SGR.BOLD));
        looks.put(Style.FLAME_A, look(TextColor.ANSI.BLACK, TextColor.ANSI.YELLOW));
        looks.put(Style.FLAME_B, look(TextColor.ANSI.WHITE_BRIGHT, TextColor.ANSI.RED));
        looks.put(Style.FLAME_C, look(TextColor.ANSI.BLACK, TextColor.ANSI.YELLOW_BRIGHT));
        looks.put(Style.FLAME_SELECTED, look(TextColor.ANSI.WHITE_BRIGHT, TextColor.ANSI.BLUE, SGR.BOLD));
        looks.put(Style.BAR, look(TextColor.ANSI.GREEN, TextColor.ANSI.DEFAULT));
        looks.put(Style.MARK, look(TextColor.ANSI.WHITE_BRIGHT, TextColor.ANSI.MAGENTA, SGR.BOLD));
        looks.put(Style.HOT, look(TextColor.ANSI.RED, TextColor.ANSI.DEFAULT, SGR.BOLD));
        return new Theme(looks, true);
    }

    /** Without colours: attributes only. */
    public static Theme monochrome() {
        return new Theme(base(), false);
    }

    /** {@link #monochrome()} when {@code NO_COLOR} is set to anything but "", else {@link #colour()}. */
    public static Theme fromEnvironment(Map<String, String> environment) {
        String noColor = environment.get("NO_COLOR");
        return noColor != null && !noColor.isEmpty() ? monochrome() : colour();
    }

    /** Whether this theme uses colours at all. */
    public boolean usesColour() {
        return colour;
    }

    /** How {@code style} is drawn. */
    public Look look(Style style) {
        return looks.get(style);
    }

    /** The monochrome looks, which the colour theme starts from. */
    private static Map<Style, Look> base() {
        Map<Style, Look> looks = new EnumMap<>(Style.class);
        for (Style style : Style.values()) {
            looks.put(style, plain());
        }
        looks.put(Style.HEADER, plain(SGR.BOLD, SGR.UNDERLINE));
        looks.put(Style.SELECTED, plain(SGR.REVERSE));
        looks.put(Style.TAB_ACTIVE, plain(SGR.REVERSE, SGR.BOLD));
        looks.put(Style.KEY, plain(SGR.BOLD));
        looks.put(Style.WARN, plain(SGR.BOLD, SGR.REVERSE));
        looks.put(Style.ERROR, plain(SGR.BOLD, SGR.REVERSE));
        looks.put(Style.RECORDING, plain(SGR.BOLD, SGR.REVERSE));
        looks.put(Style.MATCH, plain(SGR.BOLD, SGR.UNDERLINE));
        looks.put(Style.FLAME_A, plain(SGR.REVERSE));
        looks.put(Style.FLAME_B, plain(SGR.REVERSE));
        looks.put(Style.FLAME_C, plain(SGR.REVERSE));
        looks.put(Style.FLAME_SELECTED, plain(SGR.BOLD, SGR.UNDERLINE));
        looks.put(Style.MARK, plain(SGR.BOLD, SGR.REVERSE));
        looks.put(Style.HOT, plain(SGR.BOLD));
        return looks;
    }

    private static Look plain(SGR... modifiers) {
        return look(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, modifiers);
    }

    private static Look look(TextColor foreground, TextColor background, SGR... modifiers) {
        EnumSet<SGR> set = EnumSet.noneOf(SGR.class);
        set.addAll(java.util.List.of(modifiers));
        return new Look(foreground, background, set);
    }
}
