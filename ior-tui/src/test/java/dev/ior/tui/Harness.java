package dev.ior.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.ior.core.IorEvent;
import dev.ior.core.IorSession;
import dev.ior.core.TraceSettings;
import dev.ior.core.proc.ProcFs;
import dev.ior.core.synthetic.SyntheticSource;
import dev.ior.core.source.EventSource;
import dev.ior.tui.record.DashboardRecorder;
import dev.ior.tui.render.Glyphs;
import dev.ior.tui.render.Theme;
import dev.ior.tui.tab.TabContext;
import dev.ior.tui.tab.TerminalHandover;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A dashboard on Lanterna's virtual terminal over a synthetic session: keys in, screen
 * text and colours out, as a user at a 200×50 terminal would see them.
 */
public final class Harness implements AutoCloseable {

    /** Programs the dashboard lent the terminal to (E), instead of running them. */
    public final List<ProcessBuilder> lent = new ArrayList<>();
    public final DefaultVirtualTerminal terminal;
    public final IorSession session;
    public final DashboardUi ui;
    public final DashboardRecorder recorder;
    public final TabContext context;
    private final TerminalScreen screen;
    private final TerminalLoop loop;

    private Harness(Builder b) throws IOException {
        terminal = new DefaultVirtualTerminal(new TerminalSize(b.columns, b.rows));
        screen = new TerminalScreen(terminal);
        screen.startScreen();
        loop = new TerminalLoop(screen, b.theme, b.glyphs, null);
        session = IorSession.builder().settings(b.trace).source(b.source).analysis(Dashboard.analysisSettings())
                .build();
        recorder = new DashboardRecorder(session, b.directory);
        TerminalHandover handover = program -> {
            lent.add(program);
            return 0;
        };
        context = new TabContext(session.analysis(), b.directory, b.environment, b.glyphs, handover);
        ui = new DashboardUi(session, new DashboardOptions(b.trace, b.source, false,
                dev.ior.core.flame.FlameOrder.DEFAULT, dev.ior.core.flame.FlameMetric.COUNT, null), recorder, context,
                b.procFs, b.probes, b.clock);
        if (b.async) {
            session.startAsync();
        } else {
            session.start(); // every event aggregated: the final snapshot is published
        }
        screen(); // the user sees a first frame before pressing anything
    }

    /** A harness over {@code events}, all delivered before the first key. */
    public static Harness of(List<? extends IorEvent> events, Path directory) throws IOException {
        return builder(SyntheticSource.of(events), directory).build();
    }

    /** A harness to configure. */
    public static Builder builder(EventSource source, Path directory) {
        return new Builder(source, directory);
    }

    /** Presses each key. */
    public Harness press(KeyStroke... keys) {
        for (KeyStroke key : keys) {
            ui.handle(key);
        }
        return this;
    }

    /** Types {@code text}, one character key each. */
    public Harness type(String text) {
        for (char c : text.toCharArray()) {
            ui.handle(new KeyStroke(c, false, false));
        }
        return this;
    }

    /** Presses a special key. */
    public Harness press(KeyType type) {
        ui.handle(new KeyStroke(type));
        return this;
    }

    /** Presses a special key {@code times} times. */
    public Harness press(KeyType type, int times) {
        for (int i = 0; i < times; i++) {
            press(type);
        }
        return this;
    }

    /** Draws a frame and returns the screen, one string per row, trailing blanks cut. */
    public List<String> screen() {
        try {
            loop.draw(ui);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> lines = new ArrayList<>();
        TerminalSize size = terminal.getTerminalSize();
        for (int row = 0; row < size.getRows(); row++) {
            StringBuilder line = new StringBuilder();
            for (int col = 0; col < size.getColumns(); col++) {
                line.append(terminal.getCharacter(col, row).getCharacterString());
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** The screen as one text. */
    public String text() {
        return String.join("\n", screen());
    }

    /** Row {@code row} of a fresh frame. */
    public String row(int row) {
        return screen().get(row);
    }

    /** The body's rows (between the toolbar lines and the status lines) of a fresh frame. */
    public List<String> body() {
        List<String> lines = screen();
        return lines.subList(3, lines.size() - 3);
    }

    /** The cell at ({@code col}, {@code row}) as last drawn. */
    public TextCharacter cell(int col, int row) {
        return terminal.getCharacter(col, row);
    }

    /** Resizes the terminal. */
    public void resize(int columns, int rows) {
        terminal.setTerminalSize(new TerminalSize(columns, rows));
        screen.doResizeIfNecessary();
    }

    @Override
    public void close() {
        recorder.finish(java.time.Duration.ofSeconds(30));
        session.close();
    }

    /** What a harness runs on. */
    public static final class Builder {
        private final EventSource source;
        private final Path directory;
        private int columns = 200;
        private int rows = 50;
        private Theme theme = Theme.colour();
        private Glyphs glyphs = Glyphs.UNICODE;
        private Map<String, String> environment = Map.of();
        private TraceSettings trace = TraceSettings.DEFAULT;
        private ProcFs procFs;
        private Consumer<Set<String>> probes;
        private boolean async;
        private java.util.function.LongSupplier clock = System::nanoTime;

        private Builder(EventSource source, Path directory) {
            this.source = source;
            this.directory = directory;
        }

        public Builder size(int newColumns, int newRows) {
            columns = newColumns;
            rows = newRows;
            return this;
        }

        public Builder theme(Theme newTheme) {
            theme = newTheme;
            return this;
        }

        public Builder glyphs(Glyphs newGlyphs) {
            glyphs = newGlyphs;
            return this;
        }

        public Builder environment(Map<String, String> newEnvironment) {
            environment = newEnvironment;
            return this;
        }

        public Builder trace(TraceSettings newTrace) {
            trace = newTrace;
            return this;
        }

        /** Pickers list the processes of {@code newProcFs}. */
        public Builder procFs(ProcFs newProcFs) {
            procFs = newProcFs;
            return this;
        }

        public Builder probes(Consumer<Set<String>> setter) {
            probes = setter;
            return this;
        }

        /** The dashboard's clock (nanoseconds) for its timers, instead of the system's. */
        public Builder clock(java.util.function.LongSupplier nanos) {
            clock = nanos;
            return this;
        }

        /** Starts the session on its own thread instead of delivering every event first. */
        public Builder async() {
            async = true;
            return this;
        }

        public Harness build() throws IOException {
            return new Harness(this);
        }
    }
}
