package dev.ior.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A real terminal for the dashboard: a detached tmux session on a server of its own
 * (its own socket file, so nothing else's sessions are touched), keys sent with
 * send-keys, the screen read with capture-pane. Close kills the server and whatever
 * runs in it, and removes the socket.
 */
final class Tmux implements AutoCloseable {

    private final Path socket = Path.of(System.getProperty("java.io.tmpdir"),
            "ior-it-tmux-" + ProcessHandle.current().pid() + "-" + System.nanoTime());

    /** Starts {@code command} (run by sh) in a {@code columns} × {@code rows} terminal. */
    Tmux(int columns, int rows, String command) throws IOException, InterruptedException {
        tmux("new-session", "-d", "-x", Integer.toString(columns), "-y", Integer.toString(rows), "-s", "ior",
                command);
    }

    /** Sends tmux key names (Enter, Escape) or single characters, one by one. */
    void keys(String... keys) throws IOException, InterruptedException {
        for (String key : keys) {
            tmux("send-keys", "-t", "ior", key);
        }
    }

    /** Types {@code text} literally. */
    void type(String text) throws IOException, InterruptedException {
        tmux("send-keys", "-t", "ior", "-l", text);
    }

    /** The screen now, one string per row. */
    List<String> screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-t", "ior").lines().toList();
    }

    /** Waits until the screen satisfies {@code what} (at most {@code timeout}); returns that screen. */
    List<String> await(String description, Predicate<List<String>> what, Duration timeout)
            throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        List<String> screen = List.of();
        while (System.nanoTime() < end) {
            try {
                screen = screen();
            } catch (IllegalStateException paneGone) {
                screen = List.of();
            }
            if (what.test(screen)) {
                return screen;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the screen never showed " + description + ":\n" + String.join("\n", screen));
    }

    /** Waits until some row contains {@code text} (a minute: ior starting on a busy machine); returns the screen. */
    List<String> awaitText(String text) throws IOException, InterruptedException {
        return await("\"" + text + "\"", screen -> screen.stream().anyMatch(row -> row.contains(text)),
                Duration.ofSeconds(60));
    }

    /** Whether the session still runs (the program in it has not ended). */
    boolean running() throws IOException, InterruptedException {
        return run("has-session", "-t", "ior").exitCode == 0;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("kill-server");
        Files.deleteIfExists(socket);
    }

    /** {@code arguments} as one shell word each. */
    static String shell(List<String> arguments) {
        List<String> quoted = new ArrayList<>();
        for (String argument : arguments) {
            quoted.add("'" + argument.replace("'", "'\\''") + "'");
        }
        return String.join(" ", quoted);
    }

    private String tmux(String... arguments) throws IOException, InterruptedException {
        Result result = run(arguments);
        if (result.exitCode != 0) {
            throw new IllegalStateException("tmux " + String.join(" ", arguments) + " failed: " + result.output);
        }
        return result.output;
    }

    private record Result(int exitCode, String output) {
    }

    private Result run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
