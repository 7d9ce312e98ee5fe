package dev.ior.tui.tab;

/**
 * Something the user should know that did not stop tracing (a thread that is not one
 * of the traced process's, events lost in the kernel), shown among the Stream tab's rows.
 *
 * @param wallTimeNs when the dashboard learnt of it, Unix epoch nanoseconds
 * @param text       what happened
 */
public record Warning(long wallTimeNs, String text) {
}
