package dev.ior.tui.picker;

import com.googlecode.lanterna.input.KeyStroke;
import dev.ior.core.FamilyProbes;
import dev.ior.core.syscall.SyscallFamily;
import dev.ior.tui.input.Keys;
import dev.ior.tui.overlay.Overlay;
import dev.ior.tui.render.Canvas;
import dev.ior.tui.render.Style;
import dev.ior.tui.tab.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The probe picker's families view: the twelve syscall families with how many of
 * their syscalls are traced; Space or Enter attaches a family (all of it) or, when it
 * is fully traced, detaches it, live. The change runs in the background: the list
 * says which families are being changed and shows the new counts when done.
 * Ctrl-F goes back to the syscalls view, Esc closes.
 */
public final class FamilyPicker implements Overlay {

    private final Choices<SyscallFamily> choices;
    private final Supplier<List<FamilyProbes>> probes;
    private final Predicate<SyscallFamily> busy;
    private final Consumer<FamilyProbes> onToggle;
    private final Runnable onSyscalls;
    private final Supplier<Message> messages;
    private final long openedNanos = System.nanoTime();
    private List<FamilyProbes> shown;

    /**
     * @param probes     the families' counts now (asked again for every frame)
     * @param busy       whether a family is being attached or detached
     * @param onToggle   attaches or detaches the family chosen, given its counts
     * @param onSyscalls opens the syscalls view instead
     * @param messages   the dashboard's message line: what the changes say ("attaching Network…")
     */
    public FamilyPicker(Supplier<List<FamilyProbes>> probes, Predicate<SyscallFamily> busy,
                        Consumer<FamilyProbes> onToggle, Runnable onSyscalls, Supplier<Message> messages) {
        List<Choices.Entry<SyscallFamily>> entries = new ArrayList<>();
        for (SyscallFamily family : SyscallFamily.values()) {
            entries.add(new Choices.Entry<>(family.label(), family, false));
        }
        this.choices = new Choices<>(entries);
        this.probes = probes;
        this.busy = busy;
        this.onToggle = onToggle;
        this.onSyscalls = onSyscalls;
        this.messages = messages;
        this.shown = probes.get();
    }

    @Override
    public boolean handle(KeyStroke key) {
        if (Keys.escape(key) || Keys.ctrl(key, 'c')) {
            return false;
        }
        if (Keys.ctrl(key, 'f')) {
            onSyscalls.run();
            return false;
        }
        if (Keys.is(key, ' ') || Keys.enter(key)) {
            Choices.Entry<SyscallFamily> entry = choices.current();
            if (entry != null) {
                onToggle.accept(counts(entry.value()));
            }
            return true;
        }
        choices.handle(key);
        return true;
    }

    @Override
    public void render(Canvas screen) {
        shown = probes.get();
        screen.clear();
        screen.fill(0, 0, screen.width(), Style.TAB_ACTIVE);
        screen.text(1, 0, "Probes by family: attached live (" + shown.stream().mapToInt(FamilyProbes::traced).sum()
                + " syscalls traced)", Style.TAB_ACTIVE);
        screen.text(1, screen.height() - 1,
                "Space/Enter: attach or detach the family   Ctrl-F: the syscalls view   Esc: close", Style.KEY);
        choices.render(screen.region(1, 2, screen.width() - 2, screen.height() - 5), e -> marker(counts(e.value())));
        Message message = messages.get();
        if (message != null && message.nanos() - openedNanos >= 0) {
            screen.text(1, screen.height() - 2, message.text(), screen.width() - 2, message.style());
        }
    }

    /** {@code [x]  12/12  } before the family's name, {@code [-]} when partly traced; "attaching…" while busy. */
    private String marker(FamilyProbes p) {
        String box = p.traced() == 0 ? "[ ]" : p.traced() == p.available() ? "[x]" : "[-]";
        String counts = p.traced() + "/" + p.available();
        return String.format("%s %9s  %-10s", box, counts, busy.test(p.family()) ? "changing…" : "");
    }

    private FamilyProbes counts(SyscallFamily family) {
        return shown.stream().filter(p -> p.family() == family).findFirst()
                .orElse(new FamilyProbes(family, 0, 0));
    }
}
