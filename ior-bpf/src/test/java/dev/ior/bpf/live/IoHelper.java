package dev.ior.bpf.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Drives the C helper (src/test/c/iohelper.c): starts a scenario, waits for its
 * "ready", lets it run on {@link #go()}, and collects the "key value" facts it prints.
 */
final class IoHelper implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final OutputStream in;
    private final Map<String, Long> facts = new HashMap<>();
    private final int pid;

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

    /** Starts {@code scenario} with {@code args}; it waits for {@link #go()}. */
    static IoHelper start(String scenario, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("ior.iohelper", "target/iohelper"));
        command.add(scenario);
        command.addAll(List.of(args));
        return new IoHelper(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    int pid() {
        return pid;
    }

    /** Lets the scenario run and waits until it printed "done" and exited. */
    void go() throws IOException, InterruptedException {
        in.write("go\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
        String line;
        while ((line = out.readLine()) != null && !line.equals("done")) {
            String[] kv = line.split(" ", 2);
            facts.put(kv[0], Long.parseLong(kv[1]));
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IOException("iohelper did not exit");
        }
    }

    /** A fact the scenario printed. */
    long fact(String key) {
        Long value = facts.get(key);
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
