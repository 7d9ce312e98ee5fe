package dev.ior.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.ior.core.IorVersion;
import dev.ior.core.testing.RequiresRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The .deb on this host, as a user installs it: dpkg -i, ior on the PATH with its man
 * page and completion, running on the system's libbpf1; dpkg -r leaves nothing behind.
 * Built by {@code -Pbundle}.
 */
@RequiresRoot
class DebPackageIT {

    private static final List<Path> INSTALLED = List.of(Path.of("/usr/bin/ior"), Path.of("/usr/lib/ior"),
            Path.of("/usr/share/man/man1/ior.1.gz"), Path.of("/usr/share/man/man1/ior-trace.1.gz"),
            Path.of("/usr/share/bash-completion/completions/ior"));

    @Test
    void installsRunsOnTheSystemsLibbpfAndRemovesCleanly() throws Exception {
        assumeFalse(installed(), "a package named ior is installed on this host: the test will not replace it");
        String arch = IorProcess.exec(List.of("dpkg", "--print-architecture")).stdout().strip();
        Path deb = Path.of(System.getProperty("ior.targetDir"), "ior_" + System.getProperty("ior.version") + "_"
                + arch + ".deb");
        try {
            dpkg("-i", deb.toString());
            assertTrue(installed());
            INSTALLED.forEach(path -> assertTrue(Files.exists(path), path + " after dpkg -i"));

            var version = IorProcess.exec(List.of("ior", "--version"));
            assertEquals(0, version.exitCode(), version.stderr());
            List<String> lines = version.stdout().lines().toList();
            assertEquals("ior " + IorVersion.current(), lines.get(0));
            assertTrue(lines.get(1).endsWith(", /usr/lib/ior/runtime)"), lines.get(1));
            assertEquals("libbpf " + VersionIT.libbpfVersion() + " (" + HostConditions.systemLibrary("libbpf.so.1")
                    + ")", lines.get(2));
        } finally {
            dpkg("-r", "ior");
        }
        assertFalse(installed());
        INSTALLED.forEach(path -> assertFalse(Files.exists(path), path + " after dpkg -r"));
    }

    private static boolean installed() throws Exception {
        var status = IorProcess.exec(List.of("dpkg-query", "-W", "-f=${Status}", "ior"));
        return status.exitCode() == 0 && status.stdout().contains("ok installed");
    }

    /** Runs dpkg, waiting out another dpkg or apt holding its lock (up to 2 minutes). */
    private static void dpkg(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("dpkg"));
        command.addAll(List.of(args));
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            var result = IorProcess.exec(command);
            if (result.exitCode() == 0) {
                return;
            }
            if (!result.stderr().contains("lock") || System.nanoTime() > deadline) {
                throw new AssertionError(command + " exited " + result.exitCode() + ": " + result.stderr());
            }
            Thread.sleep(1000);
        }
    }
}
