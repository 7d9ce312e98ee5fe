package dev.ior.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ior.core.IorVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ior --version}: everything a bug report needs, with the version every artifact shares. */
class VersionIT {

    @Test
    void namesIorsVersionAndCommitTheJavaRuntimeLibbpfAndTheKernel() throws Exception {
        var result = IorProcess.run(List.of(), "--version");

        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of(
                "ior " + IorVersion.current().version() + " (commit " + IorVersion.current().commit() + ")",
                "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ", "
                        + System.getProperty("java.home") + ")",
                "libbpf " + libbpfVersion() + " (" + HostConditions.systemLibrary("libbpf.so.1") + ")",
                "Linux " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")"),
                result.stdout().lines().toList());
    }

    /** "1.1" from the library's file name, libbpf.so.1.1.2. */
    static String libbpfVersion() throws Exception {
        String file = HostConditions.systemLibrary("libbpf.so.1").getFileName().toString();
        String[] parts = file.substring("libbpf.so.".length()).split("\\.");
        return parts[0] + "." + parts[1];
    }
}
