package dev.ior.core;

import java.time.Duration;
import java.util.Objects;

/**
 * Adaptive narrowing (off by default): when the kernel keeps dropping events because
 * the ring is full, the session counts its hottest syscall in the kernel only (sampling
 * rate 0, exact totals kept), and says so with a warning ({@link IorSession#onWarning}).
 *
 * <p>Time is cut into windows. After {@code lossyWindows} consecutive windows in each of
 * which ring-full losses grew, the syscall with the most events in the last window is
 * narrowed; the window after a step is left to settle (records made before the step
 * still drain), then each further window with losses narrows one more syscall, and a
 * window without losses starts the count again. Never narrowed: calls that change an fd
 * table or the working directory (the kernel emits them for ior's fd tables whatever
 * their rate, so narrowing them would relieve nothing), io_uring operations (not
 * sampled) and syscalls already at rate 0. Nothing is ever restored during the session:
 * what was narrowed stays narrowed, so the output's meaning changes at most once per
 * syscall, at a moment the warning names.
 *
 * @param enabled      whether the session narrows itself at all
 * @param lossyWindows consecutive windows with losses before the first step (at least 1)
 * @param window       the length of one window
 */
public record Adaptive(boolean enabled, int lossyWindows, Duration window) {

    /** The default when enabled: three windows of one second in a row with losses. */
    public static final Adaptive ON = new Adaptive(true, 3, Duration.ofSeconds(1));

    /** Never narrows (the default). */
    public static final Adaptive OFF = new Adaptive(false, ON.lossyWindows, ON.window);

    public Adaptive {
        Objects.requireNonNull(window);
        if (lossyWindows < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("adaptive narrowing needs at least one window of some length, not "
                    + lossyWindows + " × " + window);
        }
    }
}
