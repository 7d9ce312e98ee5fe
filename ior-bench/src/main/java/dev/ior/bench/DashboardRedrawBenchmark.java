package dev.ior.bench;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import dev.ior.core.IorSession;
import dev.ior.core.synthetic.EventGenerator;
import dev.ior.core.synthetic.SyntheticSource;
import dev.ior.tui.Dashboard;
import dev.ior.tui.DashboardOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dashboard's redraw rate and the CPU of its thread while the pipeline consumes
 * synthetic events as fast as it can (well over a million a second), with the real
 * dashboard drawing on a 200×50 ANSI terminal whose escape sequences go to a counting
 * sink (everything a terminal costs ior but the write to the tty). A key cycles the
 * tabs every two seconds, so every tab is measured. Not a JMH benchmark: it measures
 * one thread's CPU over wall time, which JMH does not.
 *
 * <pre>{@code
 * java --enable-native-access=ALL-UNNAMED -cp ior-bench/target/benchmarks.jar \
 *     dev.ior.bench.DashboardRedrawBenchmark [seconds per workload, default 30]
 * }</pre>
 */
public final class DashboardRedrawBenchmark {

    private static final int WARM_UP_SECONDS = 4;

    private DashboardRedrawBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        // the demo's 24 processes × 4 threads on 2 000 files make ~73 000 keys; a host
        // with 8 busy processes of 2 threads on 200 files makes ~12 000
        measure("~12k keys (8 processes, 200 files)", new EventGenerator(42, 8, 2, 200, 1_000_000), seconds);
        measure("~73k keys (EventGenerator.demo())", EventGenerator.demo(), seconds);
    }

    private static void measure(String workload, EventGenerator generator, int seconds) throws Exception {
        Keys keys = new Keys();
        CountingTerminal terminal = new CountingTerminal(keys, new TerminalSize(200, 50));
        SyntheticSource events = SyntheticSource.generated(generator, Long.MAX_VALUE); // unpaced
        IorSession session = IorSession.builder().source(events).analysis(Dashboard.analysisSettings()).build();
        DashboardOptions options = DashboardOptions.replay(events)
                .withDuration(Duration.ofSeconds(WARM_UP_SECONDS + seconds + 5)); // still drawing when measured
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Thread ui = Thread.ofPlatform().name("ior-dashboard").start(() -> {
            try {
                Dashboard.show(terminal, session, options, Map.of("LANG", "C.UTF-8"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        for (int s = 0; s < WARM_UP_SECONDS; s++) {
            Thread.sleep(1000);
            keys.press((char) ('1' + s % 7));
        }
        long wall0 = System.nanoTime();
        long cpu0 = threads.getThreadCpuTime(ui.threadId());
        long frames0 = terminal.frames.get();
        long events0 = session.counters().events();
        long bytes0 = terminal.bytes.get();
        for (int s = 0; s < seconds; s++) {
            Thread.sleep(1000);
            if (s % 2 == 1) {
                keys.press((char) ('1' + (s / 2) % 7));
            }
        }
        long wall = System.nanoTime() - wall0;
        long cpu = threads.getThreadCpuTime(ui.threadId()) - cpu0;
        long frames = terminal.frames.get() - frames0;
        long delivered = session.counters().events() - events0;
        long bytes = terminal.bytes.get() - bytes0;
        ui.join();
        double secs = wall / 1e9;
        System.out.printf(Locale.ROOT, "%s: pipeline %.2f M events/s; dashboard %.1f frames/s, its thread %.1f %% of "
                + "one core, %.0f KiB/s to the terminal (%d s, every tab)%n", workload, delivered / secs / 1e6,
                frames / secs, 100.0 * cpu / wall, bytes / secs / 1024, seconds);
    }

    /** Key presses handed to the dashboard as terminal input. */
    private static final class Keys extends InputStream {
        private final ConcurrentLinkedQueue<Integer> pending = new ConcurrentLinkedQueue<>();

        void press(char key) {
            pending.add((int) key);
        }

        @Override
        public int read() {
            Integer next = pending.poll();
            return next == null ? -1 : next;
        }

        @Override
        public int available() {
            return pending.size();
        }
    }

    /** An ANSI terminal of a fixed size writing to nowhere, counting frames (flushes) and bytes. */
    private static final class CountingTerminal extends ANSITerminal {
        final AtomicLong frames = new AtomicLong();
        final AtomicLong bytes;
        private final TerminalSize size;

        CountingTerminal(InputStream keys, TerminalSize size) {
            this(keys, size, new AtomicLong());
        }

        private CountingTerminal(InputStream keys, TerminalSize size, AtomicLong bytes) {
            super(keys, new OutputStream() {
                @Override
                public void write(int b) {
                    bytes.incrementAndGet();
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes.addAndGet(len);
                }
            }, StandardCharsets.UTF_8);
            this.bytes = bytes;
            this.size = size;
        }

        @Override
        protected TerminalSize findTerminalSize() {
            return size;
        }

        @Override
        public void flush() throws IOException {
            super.flush();
            frames.incrementAndGet();
        }
    }
}
