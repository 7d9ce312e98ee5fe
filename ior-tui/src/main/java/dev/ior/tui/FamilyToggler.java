package dev.ior.tui;

import dev.ior.core.FamilyProbes;
import dev.ior.core.IorException;
import dev.ior.core.IorSession;
import dev.ior.core.syscall.SyscallFamily;
import dev.ior.tui.tab.TabContext;
import java.util.EnumSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Attaches and detaches whole syscall families of a live session in the background:
 * rewriting the kernel's settings for dozens of syscalls must not freeze the
 * dashboard. The message line says "attaching Network…" at once and the outcome when
 * done; outcomes are applied on the dashboard's thread ({@link #applyResults}).
 */
final class FamilyToggler {

    private final IorSession session;
    private final TabContext context;
    private final Runnable onChanged;
    private final Queue<Runnable> results = new ConcurrentLinkedQueue<>();
    private final Set<SyscallFamily> changing = EnumSet.noneOf(SyscallFamily.class);

    /**
     * @param onChanged runs on the dashboard's thread after a family changed (the
     *                  dashboard re-reads the session's selection)
     */
    FamilyToggler(IorSession session, TabContext context, Runnable onChanged) {
        this.session = session;
        this.context = context;
        this.onChanged = onChanged;
    }

    /** Attaches {@code probes}' family unless it is fully traced, else detaches it. */
    void toggle(FamilyProbes probes) {
        SyscallFamily family = probes.family();
        if (!changing.add(family)) {
            context.say(family.label() + " is being changed: wait for it");
            return;
        }
        boolean attach = probes.traced() < probes.available();
        context.say((attach ? "attaching " : "detaching ") + family.label() + "…");
        Thread.ofVirtual().name("ior-family-" + family.label()).start(() -> {
            String failure = null;
            try {
                if (attach) {
                    session.attachFamily(family);
                } else {
                    session.detachFamily(family);
                }
            } catch (IorException | UnsupportedOperationException e) {
                failure = e.getMessage();
            }
            String outcome = failure != null ? failure : outcome(family, attach);
            boolean failed = failure != null;
            results.add(() -> {
                changing.remove(family);
                if (failed) {
                    context.error((attach ? "attaching " : "detaching ") + family.label() + " failed: " + outcome);
                } else {
                    onChanged.run();
                    context.say(outcome);
                }
            });
        });
    }

    /** Whether {@code family} is being attached or detached now. */
    boolean changing(SyscallFamily family) {
        return changing.contains(family);
    }

    /** Whether any family is being attached or detached now. */
    boolean busy() {
        return !changing.isEmpty();
    }

    /** Whether outcomes wait to be applied. */
    boolean hasResults() {
        return !results.isEmpty();
    }

    /** Applies the outcomes of changes finished meanwhile; on the dashboard's thread. */
    void applyResults() {
        Runnable result;
        while ((result = results.poll()) != null) {
            result.run();
        }
    }

    private String outcome(SyscallFamily family, boolean attached) {
        FamilyProbes now = session.familyProbes().stream().filter(p -> p.family() == family).findFirst()
                .orElseThrow();
        return (attached ? "attached " : "detached ") + family.label() + ": " + now.traced() + "/" + now.available()
                + " of its syscalls traced";
    }
}
