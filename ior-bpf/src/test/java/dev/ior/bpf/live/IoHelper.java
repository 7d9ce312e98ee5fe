package dev.ior.bpf.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Drives the C helper (src/test/c/iohelper.c): starts a scenario, waits for its
 * "ready", lets it run on {@link #go()} (again after each "paused"), and collects the
 * "key value" facts it prints.
 */
final class IoHelper implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final OutputStream in;
    private final Map<String, String> facts = new HashMap<>();
    private final int pid;
    private boolean finished;

    private IoHelper(Process process) throws IOException {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = process.getOutputStream();
        String ready = out.readLine();
        if (ready == null || !ready.startsWith("ready ")) {
            throw new IOException("iohelper did not start: " + ready);
        }
        this.pid = Integer.parseInt(ready.substring(6));
    }

    /** The helper binary. */
    static Path binary() {
        return Path.of(System.getProperty("ior.iohelper", "target/iohelper")).toAbsolutePath();
    }

    /** Starts {@code scenario} with {@code args}; it waits for {@link #go()}. */
    static IoHelper start(String scenario, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(binary().toString());
        command.add(scenario);
        command.addAll(List.of(args));
        return new IoHelper(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    int pid() {
        return pid;
    }

    /**
     * Lets the scenario run until it printed "paused" (call again to go on) or "done";
     * after "done", waits until it exited.
     */
    void go() throws IOException, InterruptedException {
        in.write("go\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
        String line;
        while ((line = out.readLine()) != null && !line.equals("done")) {
            if (line.equals("paused")) {
                return;
            }
            String[] kv = line.split(" ", 2);
            facts.put(kv[0], kv[1]);
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IOException("iohelper did not exit");
        }
        finished = true;
    }

    /** Whether the scenario printed "done" (rather than "paused"). */
    boolean finished() {
        return finished;
    }

    /** A number the scenario printed. */
    long fact(String key) {
        return Long.parseLong(text(key));
    }

    /** A fact the scenario printed, as text. */
    String text(String key) {
        String value = facts.get(key);
        if (value == null) {
            throw new IllegalStateException("iohelper printed no '" + key + "': " + facts);
        }
        return value;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
