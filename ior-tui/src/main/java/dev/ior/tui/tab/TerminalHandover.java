package dev.ior.tui.tab;

/**
 * Lends the terminal to another program (an editor): the dashboard's screen is put
 * away and the terminal's normal modes restored while it runs, then the dashboard
 * takes the terminal back and redraws.
 */
public interface TerminalHandover {

    /**
     * Runs {@code program} with the terminal handed over; returns its exit code.
     *
     * @throws java.io.IOException when the program cannot be started
     */
    int run(ProcessBuilder program) throws java.io.IOException, InterruptedException;
}
