package dev.ior.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.testing.RequiresRoot;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Where a recording goes wrong on disk: full, read-only, and whose it is afterwards. */
@RequiresRoot
@ExtendWith(NoBpfLeftovers.class)
class OutputFaultsIT {

    private final List<Path> mounts = new ArrayList<>();

    @AfterEach
    void unmount() throws Exception {
        for (Path mount : mounts) {
            new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void aFullDiskStopsTheRecordingAndKeepsEveryEventWrittenReadable(@TempDir Path dir) throws Exception {
        Path small = mount(dir.resolve("small"), "size=512k");
        Path output = small.resolve("full.parquet");
        Process ior = new ProcessBuilder(IorProcess.command("record", "-o", output.toString(), "--comm", "dd"))
                .start();
        var stderr = new java.io.BufferedReader(new java.io.InputStreamReader(ior.getErrorStream()));
        String started = stderr.readLine(); // once attached: every read and write below is traced
        // a million one-byte reads and writes: far more than 512 KiB can hold in Parquet
        new ProcessBuilder("sh", "-c", "exec dd if=/dev/zero of=/dev/null bs=1 count=1000000 2>/dev/null")
                .start().waitFor();
        assertTrue(ior.waitFor(20, java.util.concurrent.TimeUnit.SECONDS), "ior must stop by itself");

        List<String> lines = new ArrayList<>(List.of(started));
        lines.addAll(stderr.lines().toList());
        assertEquals(1, ior.exitValue(), lines.toString());
        Matcher stopped = Pattern.compile("ior: the disk holding " + Pattern.quote(output.toString())
                + " is full: recording stopped after (\\d+) events, all of them in the file").matcher(lines.get(1));
        assertTrue(stopped.matches(), lines.toString());
        assertTrue(lines.getLast().startsWith("ior: events="), lines.toString());
        long written = Long.parseLong(stopped.group(1));
        assertTrue(written > 0);
        assertEquals(written, count(output));
    }

    @Test
    void aRecordingRemovedUnderIorIsSavedAgainAndTheRunStops(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("removed.parquet");
        Process ior = new ProcessBuilder(IorProcess.command("record", "-o", output.toString(), "--comm", "dd"))
                .start();
        var stderr = new java.io.BufferedReader(new java.io.InputStreamReader(ior.getErrorStream()));
        assertEquals("ior: recording to " + output + " until Ctrl-C", stderr.readLine());
        Files.delete(output);
        new ProcessBuilder("sh", "-c", "exec dd if=/dev/zero of=/dev/null bs=1 count=20000 2>/dev/null")
                .start().waitFor();
        assertTrue(ior.waitFor(20, java.util.concurrent.TimeUnit.SECONDS), "ior must stop by itself");

        List<String> lines = stderr.lines().toList();
        assertEquals(1, ior.exitValue(), lines.toString());
        Matcher saved = Pattern.compile("ior: the recording " + Pattern.quote(output.toString())
                + " was removed or replaced while ior wrote it: the (\\d+) events it held are saved in "
                + Pattern.quote(output.toString()) + "; recording stopped").matcher(lines.get(0));
        assertTrue(saved.matches(), lines.toString());
        assertTrue(lines.getLast().startsWith("ior: events="), lines.toString());
        assertEquals(Long.parseLong(saved.group(1)), count(output));
    }

    @Test
    void aReadOnlyDirectoryIsOneLineBeforeAnythingIsTraced(@TempDir Path dir) throws Exception {
        Path readOnly = mount(dir.resolve("ro"), "ro,size=64k");
        var result = IorProcess.run(List.of(), "record", "-o", readOnly.resolve("x.parquet").toString(),
                "--duration", "1");
        assertEquals(1, result.exitCode());
        assertEquals(List.of("ior: cannot create " + readOnly.resolve("x.parquet") + ": Read-only file system"),
                result.stderrLines());
    }

    @Test
    void underSudoTheRecordingBelongsToTheInvokingUserWithMode0600(@TempDir Path dir) throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path output = dir.resolve("mine.parquet");
        var result = IorProcess.run(List.of("env", "SUDO_UID=65534", "SUDO_GID=65534"), "record", "-o",
                output.toString(), "--duration", "1", "--syscalls", "openat");
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(65534, Files.getAttribute(output, "unix:uid", LinkOption.NOFOLLOW_LINKS));
        assertEquals(65534, Files.getAttribute(output, "unix:gid", LinkOption.NOFOLLOW_LINKS));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(output)));
    }

    private Path mount(Path at, String options) throws Exception {
        Files.createDirectories(at);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", at.toString())
                .inheritIO().start();
        assertEquals(0, mount.waitFor());
        mounts.add(at);
        return at;
    }

    private static long count(Path file) throws Exception {
        return Long.parseLong(DuckDb.value("SELECT count(*) FROM '" + file + "'"));
    }
}
