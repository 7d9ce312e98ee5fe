package dev.ior.tui.picker;

import com.googlecode.lanterna.input.KeyStroke;
import dev.ior.core.proc.ProcFs;
import dev.ior.tui.input.Keys;
import dev.ior.tui.overlay.Overlay;
import dev.ior.tui.render.Canvas;
import dev.ior.tui.render.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Chooses one entry (a process, a thread): type to narrow, ↑/↓ to move, Enter to
 * choose, Esc to clear the typed text or, with none, to cancel.
 *
 * @param <T> what an entry stands for
 */
public final class Picker<T> implements Overlay {

    private final String title;
    private final Choices<T> choices;
    private final Consumer<T> onPick;
    private final Runnable onCancel;

    private Picker(String title, List<Choices.Entry<T>> entries, Consumer<T> onPick, Runnable onCancel) {
        this.title = title;
        this.choices = new Choices<>(entries);
        this.onPick = onPick;
        this.onCancel = onCancel;
    }

    /**
     * The PID picker: "All PIDs" (value 0) first, then every process of {@code procFs}
     * with its pid, command name and command line; but ior itself, and kernel threads
     * (no command line), which make no syscalls to trace.
     *
     * @param current the pid chosen now, which the cursor starts on (0 = all)
     */
    public static Picker<Integer> pids(ProcFs procFs, int current, Consumer<Integer> onPick, Runnable onCancel) {
        long self = ProcessHandle.current().pid();
        List<Choices.Entry<Integer>> entries = new ArrayList<>();
        entries.add(new Choices.Entry<>("All PIDs", 0, true));
        for (ProcFs.ProcessInfo p : procFs.processes()) {
            if (p.pid() != self && !p.cmdline().isEmpty()) {
                entries.add(new Choices.Entry<>(String.format("%7d  %-16s %s", p.pid(), p.comm(), p.cmdline()),
                        p.pid(), false));
            }
        }
        Picker<Integer> picker = new Picker<>("Trace which process? (filtered in the kernel)", entries, onPick,
                onCancel);
        picker.choices.select(pid -> pid == current);
        return picker;
    }

    /**
     * The TID picker: "All TIDs" (value 0) first, then the threads of {@code pids}
     * (of every process when empty).
     */
    public static Picker<Integer> tids(ProcFs procFs, List<Integer> pids, int current, Consumer<Integer> onPick,
                                       Runnable onCancel) {
        List<Choices.Entry<Integer>> entries = new ArrayList<>();
        entries.add(new Choices.Entry<>("All TIDs", 0, true));
        List<Integer> owners = pids.isEmpty() ? procFs.processes().stream().map(ProcFs.ProcessInfo::pid).toList()
                : pids;
        for (int pid : owners) {
            for (ProcFs.ThreadInfo t : procFs.threads(pid)) {
                entries.add(new Choices.Entry<>(String.format("%7d  %7d  %s", t.tid(), t.pid(), t.comm()), t.tid(),
                        false));
            }
        }
        Picker<Integer> picker = new Picker<>("Trace which thread? (TID  PID  COMM, filtered in the kernel)", entries,
                onPick, onCancel);
        picker.choices.select(tid -> tid == current);
        return picker;
    }

    @Override
    public boolean handle(KeyStroke key) {
        if (Keys.enter(key)) {
            Choices.Entry<T> entry = choices.current();
            if (entry == null) {
                return true;
            }
            onPick.accept(entry.value());
            return false;
        }
        if (Keys.escape(key)) {
            if (choices.hasQuery()) {
                choices.clearQuery();
                return true;
            }
            onCancel.run();
            return false;
        }
        if (Keys.ctrl(key, 'c')) {
            onCancel.run();
            return false;
        }
        choices.handle(key);
        return true;
    }

    @Override
    public void render(Canvas screen) {
        screen.clear();
        screen.fill(0, 0, screen.width(), Style.TAB_ACTIVE);
        screen.text(1, 0, title, Style.TAB_ACTIVE);
        screen.text(1, screen.height() - 1, "Enter: choose   Up/Down PgUp/PgDn: move   Esc: clear the text, then "
                + "cancel",
                Style.KEY);
        choices.render(screen.region(1, 2, screen.width() - 2, screen.height() - 4), null);
    }
}
