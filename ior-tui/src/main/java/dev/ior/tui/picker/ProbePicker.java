package dev.ior.tui.picker;

import com.googlecode.lanterna.input.KeyStroke;
import dev.ior.core.syscall.Syscall;
import dev.ior.core.syscall.SyscallTable;
import dev.ior.tui.input.Keys;
import dev.ior.tui.overlay.Overlay;
import dev.ior.tui.render.Canvas;
import dev.ior.tui.render.Style;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The probe picker: which syscalls the kernel traces. Type to narrow (names, families,
 * kinds), Space toggles the syscall under the cursor, Tab toggles every one shown,
 * Ctrl-D ticks the default set, Enter applies, Esc cancels; Ctrl-F switches to the
 * families view ({@link FamilyPicker}), dropping ticks not applied.
 */
public final class ProbePicker implements Overlay {

    private final Choices<String> choices;
    private final Set<String> ticked;
    private final Set<String> defaults;
    private final Consumer<Set<String>> onApply;
    private final Runnable onFamilies;

    /**
     * @param table   the syscalls and io_uring operations ior can trace
     * @param traced  the patterns traced now ({@code open*}, {@code family:FS}; empty = the default set)
     * @param onApply    gets the names ticked (empty = the default set)
     * @param onFamilies opens the families view instead
     */
    public ProbePicker(SyscallTable table, Set<String> traced, Consumer<Set<String>> onApply, Runnable onFamilies) {
        List<Syscall> syscalls = table.all();
        List<Choices.Entry<String>> entries = new ArrayList<>();
        for (Syscall s : syscalls) {
            entries.add(new Choices.Entry<>(String.format("%-20s %-8s %s", s.name(), s.family().label(),
                    s.kind().label()), s.name(), false));
        }
        this.choices = new Choices<>(entries);
        this.ticked = new TreeSet<>(table.select(traced).stream().map(Syscall::name).toList());
        this.defaults = new TreeSet<>(table.defaults().stream().map(Syscall::name).toList());
        this.onApply = onApply;
        this.onFamilies = onFamilies;
    }

    @Override
    public boolean handle(KeyStroke key) {
        if (Keys.enter(key)) {
            if (ticked.isEmpty()) {
                return true; // tracing nothing is no choice: tick one, or Esc
            }
            onApply.accept(ticked.equals(defaults) ? Set.of() : new LinkedHashSet<>(ticked));
            return false;
        }
        if (Keys.escape(key) || Keys.ctrl(key, 'c')) {
            return false;
        }
        if (Keys.ctrl(key, 'f')) {
            onFamilies.run();
            return false;
        }
        if (Keys.ctrl(key, 'd')) {
            ticked.clear();
            ticked.addAll(defaults);
            return true;
        }
        if (Keys.is(key, ' ')) {
            Choices.Entry<String> entry = choices.current();
            if (entry != null && !ticked.remove(entry.value())) {
                ticked.add(entry.value());
            }
            return true;
        }
        if (Keys.is(key, com.googlecode.lanterna.input.KeyType.Tab)) {
            boolean allTicked = choices.shown().stream().allMatch(e -> ticked.contains(e.value()));
            for (Choices.Entry<String> entry : choices.shown()) {
                if (allTicked) {
                    ticked.remove(entry.value());
                } else {
                    ticked.add(entry.value());
                }
            }
            return true;
        }
        choices.handle(key);
        return true;
    }

    @Override
    public void render(Canvas screen) {
        screen.clear();
        screen.fill(0, 0, screen.width(), Style.TAB_ACTIVE);
        screen.text(1, 0, "Probes: which syscalls the kernel traces (" + ticked.size() + " ticked)",
                Style.TAB_ACTIVE);
        screen.text(1, screen.height() - 1,
                "Space: tick   Tab: tick all shown   Ctrl-D: the default set   Ctrl-F: families (live)   Enter: apply"
                        + "   Esc: cancel", Style.KEY);
        choices.render(screen.region(1, 2, screen.width() - 2, screen.height() - 4),
                e -> ticked.contains(e.value()) ? "[x] " : "[ ] ");
    }
}
