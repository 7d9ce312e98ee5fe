package dev.ior.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ior-bpf's C helper (src/test/c/iohelper.c) as a traced workload: starts a scenario,
 * which waits; {@link #go()} lets it run to its next "paused" or to its end, collecting
 * the "key value" facts it prints.
 */
final class Workload implements AutoCloseable {

    private static final AtomicInteger COMMS = new AtomicInteger();

    private final Process process;
    private final BufferedReader out;
    private final OutputStream in;
    private final Map<String, String> facts = new HashMap<>();
    private final long pid;

    private Workload(Process process) throws IOException {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = process.getOutputStream();
        String ready = out.readLine();
        if (ready == null || !ready.startsWith("ready ")) {
            throw new IOException("iohelper did not start: " + ready);
        }
        this.pid = Long.parseLong(ready.substring(6));
    }

    /** Starts {@code scenario} with {@code args}; it waits for {@link #go()}. */
    static Workload start(String scenario, String... args) throws IOException {
        return run(Path.of(System.getProperty("ior.iohelper")), scenario, args);
    }

    /**
     * Starts {@code scenario} from a copy of the helper at {@code binary}, so that its
     * command name is that file's name: no other process on the host has it.
     */
    static Workload startAs(Path binary, String scenario, String... args) throws IOException {
        Files.copy(Path.of(System.getProperty("ior.iohelper")), binary);
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwx------"));
        return run(binary, scenario, args);
    }

    /** A command name (at most 15 bytes) that this test run alone uses. */
    static String uniqueComm() {
        return "ioh" + ProcessHandle.current().pid() + "x" + COMMS.incrementAndGet();
    }

    private static Workload run(Path binary, String scenario, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.add(scenario);
        command.addAll(List.of(args));
        return new Workload(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    long pid() {
        return pid;
    }

    /** Runs the scenario to its next pause or, waiting for its exit, to its end. */
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
    }

    /** A number the scenario printed. */
    long fact(String key) {
        return Long.parseLong(facts.get(key));
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
