package dev.ior.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.stats.LogBuckets;
import dev.ior.core.synthetic.EventGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.HdrHistogram.Histogram;
import org.agrona.collections.IntHashSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding example, exactly as written there, compiled and run on the synthetic source. */
class EmbeddingExampleTest {

    private static final String MARKER = "<!-- embedding-example:";
    private static final Pattern FILE_LINE = Pattern.compile("(\\S+)\\s+(\\d+) calls  p99 +(\\d+) us");

    @Test
    void theReadmeExampleCompilesAndPrintsTheSlowestFiles(@TempDir Path dir) throws Exception {
        String source = readmeExample();
        Path file = dir.resolve("SlowestFiles.java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "--release", "22", "-cp", classPath(), "-d", dir.toString(),
                file.toString());
        assertEquals(0, status, "the README example does not compile");

        List<String> lines = run(dir);
        assertEquals("filter: latency>=20us", lines.get(0));
        assertTrue(lines.get(lines.size() - 1).matches("\\d+ ev/s  lost 0  dropped 0  unmatched 0  ring 0%"),
                lines.get(lines.size() - 1));
        List<String> files = lines.subList(1, lines.size() - 1);
        assertEquals(5, files.size(), String.join("\n", lines));

        Map<String, long[]> reference = reference();
        long previousP99 = Long.MAX_VALUE;
        long lowestShown = Long.MAX_VALUE;
        for (String line : files) {
            Matcher m = FILE_LINE.matcher(line.strip());
            assertTrue(m.matches(), line);
            long[] latencies = reference.get(m.group(1));
            assertEquals(latencies.length, Long.parseLong(m.group(2)), "calls of " + m.group(1));
            long exactP99Us = nearestRank(latencies, 99) / 1_000;
            long shownP99Us = Long.parseLong(m.group(3));
            assertTrue(Math.abs(shownP99Us - exactP99Us) <= exactP99Us * LogBuckets.RELATIVE_ERROR + 1,
                    m.group(1) + ": p99 " + shownP99Us + " us, exactly " + exactP99Us);
            assertTrue(shownP99Us <= previousP99, "sorted by p99, slowest first");
            previousP99 = shownP99Us;
            lowestShown = Math.min(lowestShown, nearestRank(latencies, 99));
        }
        // no file left out is clearly slower than the ones shown
        List<String> shown = files.stream().map(l -> l.strip().split("\\s+")[0]).toList();
        for (Map.Entry<String, long[]> e : reference.entrySet()) {
            if (!shown.contains(e.getKey())) {
                assertTrue(nearestRank(e.getValue(), 99) <= lowestShown * (1 + 2 * LogBuckets.RELATIVE_ERROR),
                        e.getKey() + " should have been shown");
            }
        }
    }

    /** The README's Java block after the marker, verbatim. */
    private static String readmeExample() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("..", "README.md"));
        int at = 0;
        while (!readme.get(at).startsWith(MARKER)) {
            at++;
        }
        assertEquals("```java", readme.get(at + 1));
        int end = at + 2;
        while (!readme.get(end).equals("```")) {
            end++;
        }
        return String.join("\n", readme.subList(at + 2, end)) + "\n";
    }

    /** Where ior-core and its libraries were loaded from. */
    private static String classPath() throws URISyntaxException {
        List<String> entries = new ArrayList<>();
        for (Class<?> c : new Class<?>[] {IorSession.class, Histogram.class, IntHashSet.class}) {
            entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static List<String> run(Path dir) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                EmbeddingExampleTest.class.getClassLoader())) {
            Method main = loader.loadClass("SlowestFiles").getMethod("main", String[].class);
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[] {"--demo"});
        } finally {
            System.setOut(out);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
    }

    /** The latencies per file of the demo's postgres calls of 20 us or more, computed directly. */
    private static Map<String, long[]> reference() {
        EventGenerator generator = EventGenerator.demo();
        Map<String, List<Long>> byFile = new HashMap<>();
        for (int i = 0; i < 2_000_000; i++) {
            IorEvent e = generator.next();
            if (e.comm().equals("postgres") && e.latencyNs() >= 20_000) {
                byFile.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(e.latencyNs());
            }
        }
        Map<String, long[]> arrays = new HashMap<>();
        byFile.forEach((f, l) -> arrays.put(f, l.stream().mapToLong(Long::longValue).toArray()));
        return arrays;
    }

    private static long nearestRank(long[] values, double percentile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.max(1, Math.ceil(percentile / 100 * sorted.length)) - 1];
    }
}
