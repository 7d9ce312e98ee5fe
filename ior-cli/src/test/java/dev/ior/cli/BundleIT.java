package dev.ior.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.IorVersion;
import dev.ior.core.export.CsvEventWriter;
import dev.ior.core.testing.RequiresRoot;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-contained bundle as a user gets it: unpacked from its tar.gz and run where
 * neither a JDK nor libbpf (nor libelf, libz) is installed: a private mount namespace
 * hides the system's. Built by {@code -Pbundle}.
 */
@RequiresRoot
class BundleIT {

    /** The README's promise: a bundle under 60 MB to copy to any host. */
    private static final long MAX_ARCHIVE_BYTES = 60L << 20;

    @TempDir
    static Path unpacked;
    private static Path archive;
    private static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        String name = "ior-" + System.getProperty("ior.version") + "-linux-" + uname();
        archive = Path.of(System.getProperty("ior.targetDir"), name + ".tar.gz");
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", unpacked.toString())
                .inheritIO().start();
        assertEquals(0, tar.waitFor());
        home = unpacked.resolve(name);
    }

    @Test
    void theArchiveIsUnder60MiB() throws Exception {
        long bytes = Files.size(archive);
        assertTrue(bytes < MAX_ARCHIVE_BYTES, archive + " is " + (bytes >> 20) + " MiB");
    }

    @Test
    void versionNamesTheBundlesOwnJavaAndLibbpf() throws Exception {
        var result = IorProcess.exec(bare("--version"));

        assertEquals(0, result.exitCode(), result.stderr());
        List<String> lines = result.stdout().lines().toList();
        assertEquals("ior " + IorVersion.current(), lines.get(0));
        assertTrue(lines.get(1).startsWith("Java ") && lines.get(1).endsWith(", " + home.resolve("runtime") + ")"),
                lines.get(1));
        assertEquals("libbpf " + VersionIT.libbpfVersion() + " (" + home.resolve("lib/native/libbpf.so.1") + ")",
                lines.get(2));
        assertEquals("Linux " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
                lines.get(3));
    }

    @Test
    void tracesAnotherProcessesOpenWithoutTheSystemsJavaAndLibbpf(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("opened-by-cat"), "hello");
        Process ior = new ProcessBuilder(bare("trace", "--duration", "3", "--syscalls", "openat")).start();
        var stderr = IorProcess.readAll(ior.getErrorStream());
        BufferedReader stdout = new BufferedReader(new InputStreamReader(ior.getInputStream(), StandardCharsets.UTF_8));
        assertEquals(CsvEventWriter.HEADER, stdout.readLine(), "the header comes once attached: " + stderr);
        Process cat = new ProcessBuilder("cat", file.toString()).start();
        assertEquals(0, cat.waitFor());
        List<String> rows = stdout.lines().toList();
        assertTrue(ior.waitFor(10, TimeUnit.SECONDS));

        assertEquals(0, ior.exitValue(), stderr.join());
        String pids = ",cat," + cat.pid() + "," + cat.pid() + ",openat,";
        assertTrue(rows.stream().anyMatch(r -> r.contains(pids) && r.contains("," + file + ",,,")), "in " + rows);
        assertTrue(stderr.join().strip().matches("ior: events=\\d+ lost_kernel=0 dropped_user=0"), stderr.join());
    }

    @Test
    void doctorPassesWithoutTheSystemsJavaAndLibbpf() throws Exception {
        var result = IorProcess.exec(bare("doctor"));

        assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
        String libbpf = "libbpf +ok +" + Pattern.quote(VersionIT.libbpfVersion() + " ("
                + home.resolve("lib/native/libbpf.so.1") + ")");
        assertTrue(result.stdout().lines().anyMatch(l -> l.matches(libbpf)), result.stdout());
    }

    @Test
    void everyCommandHasAManPageListingItsOptions() throws Exception {
        var expected = new TreeSet<String>();
        expected.add("ior.1.gz");
        Main.commandLine().getSubcommands().keySet().forEach(name -> expected.add("ior-" + name + ".1.gz"));
        Path man = home.resolve("share/man/man1");
        try (Stream<Path> pages = Files.list(man)) {
            assertEquals(expected, new TreeSet<>(pages.map(p -> p.getFileName().toString()).toList()));
        }
        String trace = gunzip(man.resolve("ior-trace.1.gz"));
        assertTrue(trace.lines().anyMatch(l -> l.startsWith(".TH \"IOR\\-TRACE\" \"1\" ")
                && l.endsWith(" \"" + ("ior " + IorVersion.current()).replace("-", "\\-") + "\" \"ior manual\"")),
                trace);
        assertTrue(trace.contains("\\-\\-duration"), trace);
    }

    @Test
    void bashCompletesSubcommandsAndOptions() throws Exception {
        assertEquals(List.of("doctor"), complete("ior", "d"));
        assertEquals(List.of("--duration"), complete("ior", "trace", "--dur"));
    }

    /** The bundle's ior with the system's JDKs, libbpf, libelf and libz hidden. */
    private static List<String> bare(String... args) throws Exception {
        List<String> command = new ArrayList<>(HostConditions.inPrivateMounts(String.join("; ",
                HostConditions.hideJava(), HostConditions.hide("libbpf.so.1"), HostConditions.hide("libelf.so.1"),
                HostConditions.hide("libz.so.1"))));
        command.add(home.resolve("bin/ior").toString());
        command.addAll(List.of(args));
        return command;
    }

    /** What the bundle's bash completion offers for the last of {@code words}. */
    private static List<String> complete(String... words) throws Exception {
        String script = "source \"$1\"; shift; COMP_WORDS=(\"$@\"); COMP_CWORD=$(( $# - 1 )); COMP_LINE=\"$*\"; "
                + "COMP_POINT=${#COMP_LINE}; _complete_ior; printf '%s\\n' \"${COMPREPLY[@]}\"";
        List<String> command = new ArrayList<>(List.of("bash", "-c", script, "complete",
                home.resolve("share/bash-completion/completions/ior").toString()));
        command.addAll(List.of(words));
        var result = IorProcess.exec(command);
        assertEquals(0, result.exitCode(), result.stderr());
        return result.stdout().lines().filter(l -> !l.isEmpty()).toList();
    }

    private static String gunzip(Path file) throws Exception {
        try (var in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String uname() throws Exception {
        Process uname = new ProcessBuilder("uname", "-m").start();
        String machine = new String(uname.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        uname.waitFor();
        return machine;
    }
}
