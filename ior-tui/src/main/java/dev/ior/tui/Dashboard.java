package dev.ior.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import dev.ior.core.IorException;
import dev.ior.core.IorSession;
import dev.ior.core.TraceSettings;
import dev.ior.core.analysis.AnalysisSettings;
import dev.ior.core.proc.ProcFs;
import dev.ior.tui.overlay.Overlay;
import dev.ior.tui.picker.Picker;
import dev.ior.tui.record.DashboardRecorder;
import dev.ior.tui.render.Canvas;
import dev.ior.tui.render.Glyphs;
import dev.ior.tui.render.Theme;
import dev.ior.tui.tab.TabContext;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * ior's dashboard in the terminal: the PID picker (unless a process was named), then
 * the seven tabs over a live session, until q. The calling thread draws; the session
 * reads on its own thread.
 *
 * <pre>{@code
 * Dashboard.open(DashboardOptions.live(TraceSettings.DEFAULT), System.err);
 * }</pre>
 */
public final class Dashboard {

    /** How often the session publishes a snapshot: the dashboard redraws at this rate while events come. */
    static final Duration PUBLISH_INTERVAL = Duration.ofMillis(50);
    private static final Duration FINISH_RECORDING = Duration.ofSeconds(60);

    private Dashboard() {
    }

    /** The analysis settings of a dashboard session: {@link AnalysisSettings#DEFAULT} published 20 times a second. */
    public static AnalysisSettings analysisSettings() {
        return AnalysisSettings.DEFAULT.withPublishInterval(PUBLISH_INTERVAL);
    }

    /**
     * Opens the dashboard on this process's terminal and returns when the user quits;
     * the session's summary line ({@code ior: events=...}) is then printed on {@code err}.
     *
     * @throws IorException (usage) when stdin or stdout is not a terminal, or when the
     *                      session cannot start
     */
    public static void open(DashboardOptions options, PrintStream err) {
        requireTerminal();
        Map<String, String> environment = System.getenv();
        try {
            String cookedModes = TtyModes.save();
            UnixTerminal terminal = new UnixTerminal(System.in, System.out, StandardCharsets.UTF_8,
                    UnixLikeTerminal.CtrlCBehaviour.TRAP);
            TerminalScreen screen = new TerminalScreen(terminal);
            IorSession session;
            try {
                screen.startScreen();
                screen.setCursorPosition(null);
                TerminalLoop loop = new TerminalLoop(screen, Theme.fromEnvironment(environment),
                        Glyphs.fromEnvironment(environment), cookedModes);
                TraceSettings trace = options.trace();
                if (options.pickProcess()) {
                    Integer pid = pickProcess(loop);
                    if (pid == null) {
                        return; // cancelled: nothing traced
                    }
                    trace = pid == 0 ? trace : trace.withFilter(trace.filter().withPids(Set.of(pid)));
                }
                IorSession.Builder builder = IorSession.builder().settings(trace).analysis(analysisSettings());
                if (options.source() != null) {
                    builder.source(options.source());
                }
                IorSession built = builder.build();
                session = built;
                run(built, options.withTrace(trace), environment, loop, () -> {
                    // ended by a signal: the terminal back, then the summary where the user sees it
                    try {
                        terminal.close();
                    } catch (IOException | IllegalStateException shuttingDown) {
                        // Lanterna's own hook restores the terminal too
                    }
                    err.println(built.counters().summaryLine());
                });
            } finally {
                screen.stopScreen();
                terminal.close();
            }
            err.println(session.counters().summaryLine());
        } catch (IOException e) {
            throw new IorException("the terminal failed: " + e.getMessage(), e);
        }
    }

    /**
     * Shows the dashboard for {@code session} on {@code terminal} until q or
     * {@code options.duration()}: for a tool that builds its own session (its own
     * source, settings, listeners) and draws on a terminal of its own. The session must
     * not have started: the dashboard taps its filtered events for recordings, starts
     * it, and closes it at the end. Built with {@link #analysisSettings()}, it redraws
     * at the dashboard's rate.
     *
     * @param environment NO_COLOR, the locale, EDITOR and SUDO_* as the dashboard should see them
     */
    public static void show(Terminal terminal, IorSession session, DashboardOptions options,
                            Map<String, String> environment) throws IOException {
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        try {
            screen.setCursorPosition(null);
            run(session, options, environment, new TerminalLoop(screen, Theme.fromEnvironment(environment),
                    Glyphs.fromEnvironment(environment), null), () -> { });
        } finally {
            screen.stopScreen();
        }
    }

    /**
     * Starts the session, shows it until the user quits, and finishes it (the recording
     * too); when a signal ends ior instead, it finishes the same way, then runs
     * {@code afterSignal}.
     */
    private static void run(IorSession session, DashboardOptions options, Map<String, String> environment,
                            TerminalLoop loop, Runnable afterSignal) throws IOException {
        Path directory = Path.of("").toAbsolutePath();
        DashboardRecorder recorder = new DashboardRecorder(session, directory);
        Thread hook = new Thread(() -> {
            finish(session, recorder); // a recording is finished into a readable file
            afterSignal.run();
        }, "ior-dashboard-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            session.startAsync();
            TabContext context = new TabContext(session.analysis(), directory, environment,
                    Glyphs.fromEnvironment(environment), loop);
            boolean live = options.live();
            loop.run(new DashboardUi(session, options, recorder, context, live ? new ProcFs() : null,
                    live ? session::setSyscalls : null), options.duration());
        } finally {
            finish(session, recorder);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs or ran: it finished the same way
            }
        }
    }

    /**
     * Refuses to start without a terminal on stdin and stdout (Lanterna would fail on
     * stty, or draw into a pipe).
     *
     * @throws IorException (usage) saying what to use instead
     */
    public static void requireTerminal() {
        java.io.Console console = System.console();
        if (console == null || !console.isTerminal()) {
            throw new IorException("the dashboard needs a terminal: use 'ior trace' or 'ior record'",
                    IorException.USAGE_ERROR, null);
        }
    }

    /** Runs the PID picker alone; the pid chosen (0 = all), or null when cancelled. */
    private static Integer pickProcess(TerminalLoop loop) throws IOException {
        Integer[] chosen = {null};
        boolean[] finished = {false};
        Picker<Integer> picker = Picker.pids(new ProcFs(), 0, pid -> {
            chosen[0] = pid;
            finished[0] = true;
        }, () -> finished[0] = true);
        loop.run(new OverlayScreen(picker, () -> finished[0]), null);
        return chosen[0];
    }

    private static void finish(IorSession session, DashboardRecorder recorder) {
        recorder.finish(FINISH_RECORDING);
        session.close();
    }

    /** One overlay on the whole screen, until it says it is finished. */
    private record OverlayScreen(Overlay overlay, java.util.function.BooleanSupplier finished) implements Screenful {
        @Override
        public void handle(KeyStroke key) {
            overlay.handle(key);
        }

        @Override
        public boolean stale() {
            return false;
        }

        @Override
        public void render(Canvas screen) {
            overlay.render(screen);
        }

        @Override
        public boolean done() {
            return finished.getAsBoolean();
        }
    }
}
