package dev.ior.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged ior command (target/ior.jar) as a user would, optionally behind a
 * wrapper (setpriv, unshare), and captures its exit code and output.
 */
final class IorProcess {

    /** What a finished run left. */
    record Result(int exitCode, String stdout, String stderr) {
        List<String> stderrLines() {
            return stderr.lines().toList();
        }
    }

    private static Path sharedJar;

    private IorProcess() {
    }

    /** The command line that runs ior with {@code args}. */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        // Signals a test sends must work even when the build itself runs with SIGINT
        // ignored (a background job), which every child would otherwise inherit.
        command.add("env");
        command.add("--default-signal");
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        return command;
    }

    /** Runs {@code wrapper + ior args} to completion (at most 60 s). */
    static Result run(List<String> wrapper, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(command(args));
        return exec(command);
    }

    /** Runs {@code command} (an installed or bundled ior, say) to completion (at most 60 s). */
    static Result exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        CompletableFuture<String> stdout = readAll(process.getInputStream());
        CompletableFuture<String> stderr = readAll(process.getErrorStream());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("ior did not finish: " + command);
        }
        return new Result(process.exitValue(), stdout.join(), stderr.join());
    }

    /**
     * Reads a stream to its end on a thread of its own. Not the common pool: on a
     * two-core machine it has one worker, the stderr reader takes it, stdout is not read,
     * and ior blocks on a full pipe and cannot exit.
     */
    static CompletableFuture<String> readAll(InputStream in) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("ior-it-reader").start(() -> {
            try {
                text.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.completeExceptionally(new UncheckedIOException(e));
            }
        });
        return text;
    }

    /**
     * The jar in a world-readable place, so that runs as an unprivileged user can
     * read it too.
     */
    static synchronized Path jar() {
        if (sharedJar == null) {
            try {
                Path dir = Files.createTempDirectory("ior-it", PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwxr-xr-x")));
                sharedJar = Files.copy(Path.of(System.getProperty("ior.jar")), dir.resolve("ior.jar"));
                Files.setPosixFilePermissions(sharedJar, PosixFilePermissions.fromString("rw-r--r--"));
                dir.toFile().deleteOnExit();
                sharedJar.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return sharedJar;
    }
}
