package dev.ior.tui.tab;

/**
 * One line of the help panel.
 *
 * @param keys        how the key is written: {@code h/l ←/→}
 * @param description what it does
 */
public record KeyHelp(String keys, String description) {
}
