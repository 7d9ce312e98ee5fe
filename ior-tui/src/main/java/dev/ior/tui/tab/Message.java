package dev.ior.tui.tab;

import dev.ior.tui.render.Style;

/**
 * A line for the bottom row: what a key did ("exported 120 events to …") or why it
 * could not.
 *
 * @param text  the line
 * @param style {@link Style#NORMAL} for news, {@link Style#ERROR} for failures
 * @param nanos when it was said ({@link System#nanoTime()}), to let it fade
 */
public record Message(String text, Style style, long nanos) {
}
