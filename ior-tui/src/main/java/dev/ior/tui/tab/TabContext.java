package dev.ior.tui.tab;

import dev.ior.core.IorException;
import dev.ior.core.analysis.Analysis;
import dev.ior.core.analysis.Snapshot;
import dev.ior.core.filter.FilterFrame;
import dev.ior.tui.overlay.Overlay;
import dev.ior.tui.overlay.Prompt;
import dev.ior.tui.render.Glyphs;
import dev.ior.tui.render.Style;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * What tabs act on: the session's filter stack and flamegraph controls, the message
 * line, overlays, and where files go. One per dashboard; used on the dashboard's
 * thread only.
 */
public final class TabContext {

    private final Analysis analysis;
    private final Path directory;
    private final Map<String, String> environment;
    private final Glyphs glyphs;
    private final TerminalHandover terminal;
    private final List<Warning> warnings = new ArrayList<>();
    private int warningsSeen;
    private Message message;
    private Overlay overlay;

    /**
     * @param analysis    the session's aggregations
     * @param directory   where exports are written (the working directory)
     * @param environment the environment ior runs in (EDITOR, SUDO_UID, ...)
     * @param glyphs      how charts are drawn
     * @param terminal    lends the terminal to other programs
     */
    public TabContext(Analysis analysis, Path directory, Map<String, String> environment, Glyphs glyphs,
                      TerminalHandover terminal) {
        this.analysis = analysis;
        this.directory = directory;
        this.environment = Map.copyOf(environment);
        this.glyphs = glyphs;
        this.terminal = terminal;
    }

    /** The session's aggregations: snapshots, filter frames, flamegraph controls. */
    public Analysis analysis() {
        return analysis;
    }

    /**
     * A snapshot that reflects every control given so far (a frame just pushed): for
     * actions that must not act on a picture a few milliseconds old, such as exports.
     * Waits at most a second for the reading thread to publish it.
     */
    public Snapshot fresh() {
        try {
            return analysis.requestSnapshot().get(1, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return analysis.snapshot();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return analysis.snapshot();
        }
    }

    /** Pushes {@code frame} onto the global filter stack. */
    public void push(FilterFrame frame) {
        analysis.push(frame);
    }

    /** Pushes the frame written {@code text}; a syntax error goes to the message line. */
    public void push(String text) {
        try {
            analysis.push(text);
        } catch (IorException e) {
            error(e.getMessage());
        }
    }

    /** Pops the top filter frame; false when the stack was empty. */
    public boolean pop() {
        boolean any = !analysis.filters().isEmpty();
        analysis.pop();
        return any;
    }

    /** Shows {@code text} on the message line. */
    public void say(String text) {
        message = new Message(text, Style.NORMAL, System.nanoTime());
    }

    /** Shows {@code text} on the message line as a failure. */
    public void error(String text) {
        message = new Message(text, Style.ERROR, System.nanoTime());
    }

    /** Adds a warning, shown among the Stream tab's rows and counted on the tab bar until that tab is seen. */
    public void warn(Warning warning) {
        warnings.add(warning);
    }

    /** Every warning so far, oldest first. */
    public List<Warning> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** The warnings added since the Stream tab was last shown. */
    public int unseenWarnings() {
        return warnings.size() - warningsSeen;
    }

    /** The user has seen every warning so far (the Stream tab is shown). */
    public void warningsSeen() {
        warningsSeen = warnings.size();
    }

    /** The latest message, or null. */
    public Message message() {
        return message;
    }

    /** Opens {@code next} on top of the dashboard. */
    public void open(Overlay next) {
        overlay = next;
    }

    /** Asks for a line of text on the bottom row. */
    public void prompt(String label, String initial, Consumer<String> onEnter) {
        open(new Prompt(label, initial, onEnter));
    }

    /** The open overlay, or null. */
    public Overlay overlay() {
        return overlay;
    }

    /** Closes the open overlay (unless it opened another meanwhile). */
    public void close(Overlay closing) {
        if (overlay == closing) {
            overlay = null;
        }
    }

    /** Where exports are written. */
    public Path directory() {
        return directory;
    }

    /** The environment ior runs in. */
    public Map<String, String> environment() {
        return environment;
    }

    /** How charts are drawn. */
    public Glyphs glyphs() {
        return glyphs;
    }

    /** Lends the terminal to other programs. */
    public TerminalHandover terminal() {
        return terminal;
    }
}
