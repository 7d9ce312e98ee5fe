package dev.ior.tui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The terminal's line settings, read and set with stty on /dev/tty: saved before the
 * dashboard takes the terminal, so that an editor started from it gets the user's
 * normal settings and the dashboard its own back afterwards.
 */
final class TtyModes {

    private TtyModes() {
    }

    /** The current settings, as {@code stty -g} prints them. */
    static String save() throws IOException {
        return stty("-g").strip();
    }

    /** Sets settings saved by {@link #save()}. */
    static void restore(String saved) throws IOException {
        stty(saved);
    }

    private static String stty(String argument) throws IOException {
        if (!argument.matches("[-A-Za-z0-9:]+")) {
            throw new IOException("unexpected stty settings: " + argument);
        }
        Process stty = new ProcessBuilder("sh", "-c", "stty " + argument + " < /dev/tty")
                .redirectErrorStream(true).start();
        try {
            String out = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (stty.waitFor() != 0) {
                throw new IOException("stty " + argument + " failed: " + out.strip());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running stty", e);
        }
    }
}
