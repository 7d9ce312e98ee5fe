package dev.ior.tui.overlay;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.ior.core.IorException;
import dev.ior.core.filter.FilterFrame;
import dev.ior.tui.input.Keys;
import dev.ior.tui.render.Canvas;
import dev.ior.tui.render.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A filter written field by field: every field filled becomes one frame of the filter
 * language, exactly the frame typed at the filter prompt would be ({@code comm~bash},
 * {@code latency>=5ms}); a value that starts with an operator ({@code =bash},
 * {@code <10}) uses it instead of the field's own. Tab/Shift-Tab (or ↓/↑) move between
 * fields, Space ticks "errors only", Enter applies every frame or names the field that
 * is wrong, Esc cancels.
 */
public final class FilterForm implements Overlay {

    /** A field of the form: its label, the frame text before the typed value, and how it reads. */
    enum Field {
        SYSCALL("syscall", "syscall=", "name, exact"),
        COMM("comm", "comm~", "contains"),
        FILE("file", "file~", "contains"),
        PID("pid", "pid=", ""),
        TID("tid", "tid=", ""),
        FD("fd", "fd=", ""),
        LATENCY("latency ≥", "latency>=", "e.g. 5ms"),
        GAP("gap ≥", "gap>=", "e.g. 1s"),
        BYTES("bytes ≥", "bytes>=", ""),
        RET("ret", "ret=", "raw return value"),
        ERRORS("errors only", "ret<0", "Space ticks");

        private final String label;
        private final String frame;
        private final String hint;

        Field(String label, String frame, String hint) {
            this.label = label;
            this.frame = frame;
            this.hint = hint;
        }

        /** The field's name in filter text: {@code latency}. */
        String fieldName() {
            return frame.replaceAll("[^a-z].*", "");
        }
    }

    private static final Field[] FIELDS = Field.values();
    private static final int VALUE_WIDTH = 32;

    private final StringBuilder[] values = new StringBuilder[FIELDS.length];
    private final Consumer<List<FilterFrame>> onApply;
    private boolean errorsOnly;
    private int focus;
    private String problem;

    /** An empty form; {@code onApply} gets the frames of the fields filled, in the form's order. */
    public FilterForm(Consumer<List<FilterFrame>> onApply) {
        this.onApply = onApply;
        for (int i = 0; i < values.length; i++) {
            values[i] = new StringBuilder();
        }
    }

    /**
     * The filter text of every field filled, in the form's order: {@code syscall=read},
     * {@code latency>=5ms}, {@code ret<0} for errors only.
     */
    public List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < FIELDS.length; i++) {
            Field field = FIELDS[i];
            String value = values[i].toString().strip();
            if (field == Field.ERRORS) {
                if (errorsOnly) {
                    texts.add(field.frame);
                }
            } else if (!value.isEmpty()) {
                texts.add("=~!<>".indexOf(value.charAt(0)) >= 0 ? field.fieldName() + value : field.frame + value);
            }
        }
        return texts;
    }

    @Override
    public boolean handle(KeyStroke key) {
        if (Keys.escape(key) || Keys.ctrl(key, 'c')) {
            return false;
        }
        if (Keys.enter(key)) {
            return !apply();
        }
        if (Keys.is(key, KeyType.Tab) || Keys.is(key, KeyType.ArrowDown)) {
            focus = (focus + 1) % FIELDS.length;
        } else if (Keys.is(key, KeyType.ReverseTab) || Keys.is(key, KeyType.ArrowUp)) {
            focus = (focus + FIELDS.length - 1) % FIELDS.length;
        } else if (FIELDS[focus] == Field.ERRORS) {
            if (Keys.is(key, ' ')) {
                errorsOnly = !errorsOnly;
            }
        } else if (Keys.is(key, KeyType.Backspace)) {
            StringBuilder value = values[focus];
            if (!value.isEmpty()) {
                value.setLength(value.length() - 1);
            }
        } else if (Keys.ctrl(key, 'u')) {
            values[focus].setLength(0);
        } else if (Keys.typed(key) != 0) {
            values[focus].append(Keys.typed(key));
        }
        return true;
    }

    /** Hands every frame over; false (the form stays, the problem shown) when one is not a frame. */
    private boolean apply() {
        List<FilterFrame> frames = new ArrayList<>();
        for (String text : texts()) {
            try {
                frames.add(FilterFrame.parse(text));
            } catch (IorException e) {
                problem = e.getMessage();
                return false;
            }
        }
        onApply.accept(frames);
        return true;
    }

    @Override
    public void render(Canvas screen) {
        int labelWidth = 13;
        int w = Math.min(screen.width() - 2, labelWidth + VALUE_WIDTH + 24);
        int h = Math.min(screen.height() - 2, FIELDS.length + 6);
        Canvas box = screen.region((screen.width() - w) / 2, Math.max(1, (screen.height() - h) / 2), w, h);
        box.clear();
        box.fill(0, 0, box.width(), Style.TAB_ACTIVE);
        box.text(1, 0, "Filter: each field filled is a frame", Style.TAB_ACTIVE);
        for (int i = 0; i < FIELDS.length && i + 2 < box.height() - 3; i++) {
            Field field = FIELDS[i];
            int y = i + 2;
            box.text(1, y, field.label, i == focus ? Style.KEY : Style.NORMAL);
            String value = field == Field.ERRORS ? (errorsOnly ? "[x]" : "[ ]") : values[i].toString();
            Style style = i == focus ? Style.SELECTED : Style.NORMAL;
            box.fill(labelWidth + 1, y, VALUE_WIDTH, style);
            box.tail(labelWidth + 1, y, value + (i == focus && field != Field.ERRORS ? "_" : ""), VALUE_WIDTH, style);
            box.text(labelWidth + VALUE_WIDTH + 2, y, field.hint, Style.NORMAL);
        }
        if (problem != null) {
            box.text(1, box.height() - 2, problem, box.width() - 2, Style.ERROR);
        }
        box.text(1, box.height() - 1, "Tab/Shift-Tab: field   Enter: apply   Esc: cancel", Style.KEY);
    }
}
