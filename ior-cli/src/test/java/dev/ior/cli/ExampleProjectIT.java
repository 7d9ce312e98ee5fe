package dev.ior.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.testing.RequiresRoot;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ior as a library: examples/file-bytes, a project of its own depending on
 * dev.ior:ior-core and ior-bpf, built by Maven against this build's artifacts and run.
 * Nothing needs installing first: the artifacts go into a fresh local repository that
 * Maven reads before the user's (maven.repo.local.tail), so a stale ior in ~/.m2 is
 * never what gets tested.
 */
class ExampleProjectIT {

    private static final Path ROOT = Path.of(System.getProperty("ior.rootDir")).normalize();
    private static final String VERSION = System.getProperty("ior.version");
    private static final Path EXAMPLE = ROOT.resolve("examples/file-bytes");

    @TempDir
    static Path work;
    private static Path repository;
    private static Path jar;

    @BeforeAll
    static void buildTheExampleAgainstThisBuildsArtifacts() throws Exception {
        repository = work.resolve("repository");
        Path project = copyTree(EXAMPLE, work.resolve("file-bytes"));
        deploy("ior-parent", ROOT.resolve("pom.xml"), null);
        deploy("ior-core", ROOT.resolve("ior-core/pom.xml"), ROOT.resolve("ior-core/target/ior-core-" + VERSION + ".jar"));
        deploy("ior-bpf", ROOT.resolve("ior-bpf/pom.xml"), ROOT.resolve("ior-bpf/target/ior-bpf-" + VERSION + ".jar"));
        Path output = work.resolve("maven.log");
        ProcessBuilder maven = new ProcessBuilder(ROOT.resolve("mvnw").toString(), "-B", "-q",
                "-f", project.resolve("pom.xml").toString(),
                "-Dmaven.repo.local=" + repository,
                "-Dmaven.repo.local.tail=" + System.getProperty("ior.localRepository"),
                "-Dior.version=" + VERSION,
                "package")
                .redirectErrorStream(true).redirectOutput(output.toFile());
        maven.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process build = maven.start();
        assertTrue(build.waitFor(5, TimeUnit.MINUTES), "the example's build did not finish");
        assertEquals(0, build.exitValue(), Files.readString(output));
        jar = project.resolve("target/file-bytes.jar");
    }

    @Test
    void theExampleBuildsAgainstTheVersionItNames() throws Exception {
        String pom = Files.readString(EXAMPLE.resolve("pom.xml"));
        assertTrue(pom.contains("<ior.version>" + VERSION + "</ior.version>"),
                "examples/file-bytes/pom.xml should name ior " + VERSION);
        assertTrue(Files.isRegularFile(jar), jar.toString());
    }

    @Test
    void theLibraryJarsNameTheirModulesAndIorBpfAsksForNativeAccess() throws Exception {
        Attributes core = manifest(ROOT.resolve("ior-core/target/ior-core-" + VERSION + ".jar"));
        Attributes bpf = manifest(ROOT.resolve("ior-bpf/target/ior-bpf-" + VERSION + ".jar"));
        assertAll(() -> assertEquals("dev.ior.core", core.getValue("Automatic-Module-Name")),
                () -> assertEquals("dev.ior.bpf", bpf.getValue("Automatic-Module-Name")),
                () -> assertEquals("ALL-UNNAMED", bpf.getValue("Enable-Native-Access")));
    }

    @Test
    @RequiresRoot
    void theEmbeddedSessionCountsTheBytesAnotherProcessReadsAndWrites(@TempDir Path dir) throws Exception {
        Process example = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "3", "1000000").start();
        var stderr = IorProcess.readAll(example.getErrorStream());
        BufferedReader stdout = new BufferedReader(new InputStreamReader(example.getInputStream(),
                StandardCharsets.UTF_8));
        assertEquals("tracing file I/O for 3 s", stdout.readLine(), "attached: " + stderr);
        Path file = dir.resolve("moved-12345-bytes");
        Files.write(file, new byte[12345]);
        assertEquals(12345, Files.readAllBytes(file).length);
        List<String> lines = stdout.lines().toList();
        assertTrue(example.waitFor(20, TimeUnit.SECONDS));

        assertEquals(0, example.exitValue(), stderr.join());
        assertTrue(lines.contains("24690 " + file), "12345 bytes written and read back, in " + lines);
        assertTrue(stderr.join().strip().matches("ior: events=\\d+ lost_kernel=0 dropped_user=0"), stderr.join());
    }

    /** Puts an artifact where a local repository keeps it (as `mvn install` would). */
    private static void deploy(String artifactId, Path pom, Path jar) throws Exception {
        Path dir = Files.createDirectories(repository.resolve("dev/ior/" + artifactId + "/" + VERSION));
        Files.copy(pom, dir.resolve(artifactId + "-" + VERSION + ".pom"));
        if (jar != null) {
            Files.copy(jar, dir.resolve(artifactId + "-" + VERSION + ".jar"));
        }
    }

    /** Copies the example's sources (not a target/ left by a manual build). */
    private static Path copyTree(Path from, Path to) throws Exception {
        try (var paths = Files.walk(from)) {
            for (Path path : paths.filter(p -> !from.relativize(p).startsWith("target")).toList()) {
                Files.copy(path, to.resolve(from.relativize(path).toString()));
            }
        }
        return to;
    }

    private static Attributes manifest(Path jar) throws Exception {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes();
        }
    }
}
