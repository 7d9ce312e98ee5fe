package dev.ior.core.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives ior-bpf's C helper (ior-bpf/src/test/c/iohelper.c, built to the path in the
 * system property {@code ior.iohelper}): starts a scenario, waits for its "ready", lets
 * it run on {@link #go()} (again after each "paused"), and collects the "key value"
 * facts it prints. For the tests of every module that trace a known workload.
 */
public final class IoHelper implements AutoCloseable {

    private static final AtomicInteger COMMS = new AtomicInteger();

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
    public static Path binary() {
        return Path.of(System.getProperty("ior.iohelper", "target/iohelper")).toAbsolutePath();
    }

    /** Starts {@code scenario} with {@code args}; it waits for {@link #go()}. */
    public static IoHelper start(String scenario, String... args) throws IOException {
        return run(binary(), scenario, args);
    }

    /**
     * Starts {@code scenario} from a copy of the helper at {@code copy}, so that its
     * command name is that file's name (no other process on the host has it).
     */
    public static IoHelper startAs(Path copy, String scenario, String... args) throws IOException {
        Files.copy(binary(), copy, StandardCopyOption.COPY_ATTRIBUTES);
        return run(copy, scenario, args);
    }

    /** A command name (at most 15 bytes) that this test run alone uses. */
    public static String uniqueComm() {
        return "ioh" + ProcessHandle.current().pid() + "x" + COMMS.incrementAndGet();
    }

    private static IoHelper run(Path binary, String scenario, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.add(scenario);
        command.addAll(List.of(args));
        return new IoHelper(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    /** The helper's pid. */
    public int pid() {
        return pid;
    }

    /**
     * Lets the scenario run until it printed "paused" (call again to go on) or "done";
     * after "done", waits until it exited.
     */
    public void go() throws IOException, InterruptedException {
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
    public boolean finished() {
        return finished;
    }

    /** A number the scenario printed. */
    public long fact(String key) {
        return Long.parseLong(text(key));
    }

    /** A fact the scenario printed, as text. */
    public String text(String key) {
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
