package dev.ior.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.ior.core.IorException;
import dev.ior.core.IorSession;
import dev.ior.core.KernelFilter;
import dev.ior.core.TraceSettings;
import dev.ior.core.analysis.Snapshot;
import dev.ior.core.proc.ProcFs;
import dev.ior.core.record.RecordingMetadata;
import dev.ior.core.syscall.SyscallTable;
import dev.ior.tui.input.Keys;
import dev.ior.tui.overlay.Confirm;
import dev.ior.tui.overlay.HelpPanel;
import dev.ior.tui.overlay.Overlay;
import dev.ior.tui.picker.Picker;
import dev.ior.tui.picker.ProbePicker;
import dev.ior.tui.record.DashboardRecorder;
import dev.ior.tui.render.Canvas;
import dev.ior.tui.render.Style;
import dev.ior.tui.tab.KeyHelp;
import dev.ior.tui.tab.Message;
import dev.ior.tui.tab.Tab;
import dev.ior.tui.tab.TabContext;
import dev.ior.tui.tab.flame.FlameTab;
import dev.ior.tui.tab.latency.LatencyTab;
import dev.ior.tui.tab.overview.OverviewTab;
import dev.ior.tui.tab.stream.StreamTab;
import dev.ior.tui.tab.table.TableTab;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The dashboard on one screen: tab bar, the tab's toolbar and detail line, its body,
 * the filter status line, the health line and the message line; keys go to an open
 * overlay, else to the tab, else to the keys every tab shares. Drawn from one snapshot
 * per frame; used on the dashboard's thread only.
 */
public final class DashboardUi implements Screenful {

    /** The smallest terminal the dashboard draws in. */
    public static final int MIN_COLUMNS = 60;
    /** The smallest terminal the dashboard draws in. */
    public static final int MIN_ROWS = 16;
    private static final long MESSAGE_NANOS = 10_000_000_000L;
    private static final List<KeyHelp> GLOBAL_KEYS = List.of(
            new KeyHelp("1-7  Tab/Shift+Tab", "switch tabs"),
            new KeyHelp("Esc  F", "pop a filter frame (hold: pop all)"),
            new KeyHelp("f", "type a filter: comm~bash, latency>=5ms"),
            new KeyHelp("p", "PID picker (filters in the kernel)"),
            new KeyHelp("t", "TID picker (filters in the kernel)"),
            new KeyHelp("P", "probe picker: the syscalls traced"),
            new KeyHelp("R", "record the filtered events (Parquet)"),
            new KeyHelp("H", "this help"),
            new KeyHelp("q  Ctrl-C", "quit (q asks while recording)"),
            new KeyHelp("Ctrl-L", "redraw the screen"));

    private final IorSession session;
    private final TabContext context;
    private final DashboardRecorder recorder;
    private final ProcFs procFs;
    private final Consumer<Set<String>> probeSetter;
    private final List<Tab> tabs;
    private final FlameTab flame;
    private TraceSettings trace;
    private int current;
    private boolean done;
    private Snapshot shown;

    /**
     * @param session     the session shown (started, or already finished)
     * @param options     how the dashboard was started
     * @param recorder    the recorder tapping {@code session}
     * @param context     what tabs act on
     * @param procFs      where the PID and TID pickers list processes; null when events do not
     *                    come from this host's kernel (no pickers)
     * @param probeSetter changes the traced syscalls while running; null when the source cannot
     */
    public DashboardUi(IorSession session, DashboardOptions options, DashboardRecorder recorder,
                       TabContext context, ProcFs procFs, Consumer<Set<String>> probeSetter) {
        this.session = session;
        this.context = context;
        this.recorder = recorder;
        this.procFs = procFs;
        this.probeSetter = probeSetter;
        this.trace = options.trace();
        this.flame = new FlameTab(context, options.order(), options.metric());
        this.tabs = List.of(flame, new OverviewTab(), TableTab.syscalls(context), TableTab.files(context),
                TableTab.processes(context), new LatencyTab(context), new StreamTab(context));
    }

    /** The tab shown. */
    public Tab currentTab() {
        return tabs.get(current);
    }

    @Override
    public boolean done() {
        return done;
    }

    @Override
    public boolean stale() {
        Message message = context.message();
        return session.snapshot() != shown
                || (message != null && System.nanoTime() - message.nanos() > MESSAGE_NANOS);
    }

    @Override
    public void handle(KeyStroke key) {
        Overlay overlay = context.overlay();
        if (overlay != null) {
            if (!overlay.handle(key)) {
                context.close(overlay);
            }
            return;
        }
        if (Keys.ctrl(key, 'c')) {
            done = true; // the recording, if any, is finished on the way out
            return;
        }
        if (currentTab().handle(key, session.snapshot())) {
            return;
        }
        if (key.getKeyType() == KeyType.Character && key.getCharacter() >= '1'
                && key.getCharacter() < '1' + tabs.size() && !key.isCtrlDown() && !key.isAltDown()) {
            current = key.getCharacter() - '1';
        } else if (Keys.is(key, KeyType.Tab)) {
            current = (current + 1) % tabs.size();
        } else if (Keys.is(key, KeyType.ReverseTab)) {
            current = (current + tabs.size() - 1) % tabs.size();
        } else if (Keys.escape(key) || Keys.is(key, 'F')) {
            if (!context.pop()) {
                context.say("filter: all (no frame to pop)");
            }
        } else if (Keys.is(key, 'f')) {
            context.prompt("filter frame (comm~bash, latency>=5ms): ", "", text -> {
                if (!text.isBlank()) {
                    context.push(text);
                }
            });
        } else if (Keys.is(key, 'H')) {
            context.open(new HelpPanel(currentTab().title(), currentTab().keys(), GLOBAL_KEYS));
        } else if (Keys.is(key, 'q')) {
            quit();
        } else if (Keys.is(key, 'R')) {
            toggleRecording();
        } else if (Keys.is(key, 'p') || Keys.is(key, 't') || Keys.is(key, 'P')) {
            openPicker(key.getCharacter());
        }
    }

    private void quit() {
        if (recorder.recording()) {
            context.open(new Confirm("recording to " + recorder.file().getFileName() + ": stop it and quit?",
                    () -> done = true));
        } else {
            done = true;
        }
    }

    private void toggleRecording() {
        if (recorder.recording()) {
            recorder.stop();
            context.say("recording stopped: finishing " + recorder.file());
            return;
        }
        try {
            context.say("recording the filtered events to " + recorder.start(trace, context.analysis().filters()));
        } catch (IorException e) {
            context.error(e.getMessage());
        }
    }

    private void openPicker(char which) {
        if (procFs == null) {
            context.error("the PID, TID and probe pickers act on the live kernel: filter a recording from the tables"
                    + " or with f");
            return;
        }
        KernelFilter filter = trace.filter();
        switch (which) {
            case 'p' -> context.open(Picker.pids(procFs, filter.pids().size() == 1 ? filter.pids().iterator().next()
                    : 0, pid -> setFilter(filter.withPids(pid == 0 ? Set.of() : Set.of(pid)).withTid(0)), () -> { }));
            case 't' -> context.open(Picker.tids(procFs, new ArrayList<>(filter.pids()), filter.tid(),
                    tid -> setFilter(filter.withTid(tid)), () -> { }));
            default -> {
                if (probeSetter == null) {
                    context.error("this source cannot change its probes while running");
                    return;
                }
                context.open(new ProbePicker(SyscallTable.builtIn(), trace.syscalls(), this::setProbes));
            }
        }
    }

    private void setFilter(KernelFilter filter) {
        try {
            session.setFilter(filter);
            trace = trace.withFilter(filter);
            context.say("kernel filter: " + describe(filter));
        } catch (IorException e) {
            context.error(e.getMessage());
        }
    }

    private void setProbes(Set<String> syscalls) {
        try {
            probeSetter.accept(syscalls);
            trace = trace.withSyscalls(syscalls);
            context.say("tracing " + (syscalls.isEmpty() ? "the default set of syscalls" : syscalls.size() + " syscalls"));
        } catch (IorException e) {
            context.error(e.getMessage());
        }
    }

    @Override
    public void render(Canvas screen) {
        Snapshot snapshot = session.snapshot();
        shown = snapshot;
        if (screen.width() < MIN_COLUMNS || screen.height() < MIN_ROWS) {
            screen.text(0, 0, "terminal too small: " + screen.width() + "x" + screen.height(), Style.WARN);
            screen.text(0, 1, "ior needs at least " + MIN_COLUMNS + "x" + MIN_ROWS, Style.NORMAL);
            screen.text(0, 2, "q quits", Style.NORMAL);
            return;
        }
        int w = screen.width();
        int h = screen.height();
        Tab tab = currentTab();
        tab.render(screen.region(0, 3, w, h - 6), snapshot);
        tabBar(screen);
        screen.text(0, 1, tab.toolbar(snapshot), w, Style.KEY);
        screen.text(0, 2, tab.detail(snapshot), w, Style.NORMAL);
        filterLine(screen.region(0, h - 3, w, 1));
        healthLine(screen.region(0, h - 2, w, 1), snapshot);
        messageLine(screen.region(0, h - 1, w, 1));
        Overlay overlay = context.overlay();
        if (overlay != null) {
            overlay.render(screen);
        }
    }

    private void tabBar(Canvas screen) {
        int full = 0;
        for (int i = 0; i < tabs.size(); i++) {
            full += tabs.get(i).title().length() + 4;
        }
        boolean shortNames = full + 16 > screen.width();
        int x = 0;
        for (int i = 0; i < tabs.size(); i++) {
            Tab tab = tabs.get(i);
            String label = " " + (i + 1) + " " + (shortNames ? tab.shortTitle() : tab.title()) + " ";
            x += screen.text(x, 0, label, i == current ? Style.TAB_ACTIVE : Style.TAB) + 1;
        }
        String right = "H:help q:quit";
        screen.text(Math.max(x, screen.width() - right.length()), 0, right, Style.KEY);
    }

    private void filterLine(Canvas line) {
        String kernel = "kernel: " + describe(trace.filter())
                + (trace.syscalls().isEmpty() ? "" : "  probes: " + trace.syscalls().size() + " syscalls");
        String filters = context.analysis().filters().text();
        line.text(0, 0, filters, Math.max(10, line.width() - kernel.length() - 2),
                context.analysis().filters().isEmpty() ? Style.NORMAL : Style.WARN);
        line.text(Math.max(0, line.width() - kernel.length()), 0, kernel, Style.NORMAL);
    }

    private void healthLine(Canvas line, Snapshot snapshot) {
        int x = line.text(0, 0, snapshot.health().line(), snapshot.health().counters().lostKernel()
                + snapshot.health().counters().droppedUser() > 0 ? Style.WARN : Style.NORMAL);
        DashboardRecorder.Status status = recorder.status();
        line.text(x + 3, 0, status.text(), status.failed() ? Style.ERROR
                : status.active() ? Style.RECORDING : Style.NORMAL);
    }

    private void messageLine(Canvas line) {
        Message message = context.message();
        if (message != null && System.nanoTime() - message.nanos() <= MESSAGE_NANOS) {
            line.text(0, 0, message.text(), message.style());
            return;
        }
        Throwable failure = session.failure();
        if (failure != null) {
            line.text(0, 0, "tracing stopped: " + failure.getMessage(), Style.ERROR);
        }
    }

    private static String describe(KernelFilter filter) {
        String text = RecordingMetadata.describe(filter);
        return text.isEmpty() ? "all" : text;
    }
}
