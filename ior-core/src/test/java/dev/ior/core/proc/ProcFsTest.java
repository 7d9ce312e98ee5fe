package dev.ior.core.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcFsTest {

    @TempDir
    Path proc;

    @Test
    void processesAreListedByPidWithTheirEscapedCommandLine() throws IOException {
        process(42, "bash\n", "bash\0-c\0echo hi\0".getBytes());
        process(7, "kthreadd\n", new byte[0]);
        process(1000, "evil\u001b\n", new byte[] {'/', 'b', 'i', 'n', '/', 'x', 0, 'a', '\n', (byte) 0xff, 0});
        Files.createDirectories(proc.resolve("self"));
        Files.createDirectories(proc.resolve("1234")); // gone between the listing and the read

        assertEquals(List.of(new ProcFs.ProcessInfo(7, "kthreadd", ""),
                new ProcFs.ProcessInfo(42, "bash", "bash -c echo hi"),
                new ProcFs.ProcessInfo(1000, "evil\\x1b", "/bin/x a\\x0a\\xff")), new ProcFs(proc).processes());
    }

    @Test
    void threadsOfAProcessAreListedByTid() throws IOException {
        process(42, "java\n", "java\0".getBytes());
        thread(42, 42, "java\n");
        thread(42, 57, "GC Thread#0\n");
        thread(42, 45, "C2 CompilerThre\n");

        assertEquals(List.of(new ProcFs.ThreadInfo(42, 42, "java"), new ProcFs.ThreadInfo(42, 45, "C2 CompilerThre"),
                new ProcFs.ThreadInfo(42, 57, "GC Thread#0")), new ProcFs(proc).threads(42));
        assertTrue(new ProcFs(proc).threads(43).isEmpty());
    }

    @Test
    void theRealProcListsThisProcess() {
        long self = ProcessHandle.current().pid();
        assertTrue(new ProcFs().processes().stream().anyMatch(p -> p.pid() == self && p.cmdline().contains("java")));
        assertTrue(new ProcFs().threads((int) self).size() > 1);
    }

    private void process(int pid, String comm, byte[] cmdline) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Integer.toString(pid)));
        Files.writeString(dir.resolve("comm"), comm);
        Files.write(dir.resolve("cmdline"), cmdline);
    }

    private void thread(int pid, int tid, String comm) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(pid + "/task/" + tid));
        Files.writeString(dir.resolve("comm"), comm);
    }
}
