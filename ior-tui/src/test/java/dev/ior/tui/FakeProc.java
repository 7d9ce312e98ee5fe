package dev.ior.tui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A /proc-shaped directory for the pickers. */
final class FakeProc {

    private FakeProc() {
    }

    static void process(Path proc, int pid, String comm, String cmdline) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Integer.toString(pid)));
        Files.writeString(dir.resolve("comm"), comm + "\n");
        Files.writeString(dir.resolve("cmdline"), cmdline.replace(' ', '\0') + "\0");
    }

    static void thread(Path proc, int pid, int tid, String comm) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(pid + "/task/" + tid));
        Files.writeString(dir.resolve("comm"), comm + "\n");
    }
}
