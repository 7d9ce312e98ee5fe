package dev.ior.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** CHANGELOG.md keeps the Keep a Changelog form, and ior's version is never behind a release. */
class ChangelogTest {

    private static final Path CHANGELOG = Path.of("..", "CHANGELOG.md");
    private static final Pattern RELEASE = Pattern.compile("## \\[(\\d+\\.\\d+\\.\\d+)] - (\\d{4}-\\d{2}-\\d{2})");
    private static final Comparator<String> BY_VERSION = Comparator.comparing(ChangelogTest::numbers,
            Arrays::compare);

    @Test
    void versionHeadingsAreUnreleasedOrASemanticVersionWithItsDate() throws Exception {
        List<String> headings = Files.readAllLines(CHANGELOG).stream().filter(l -> l.startsWith("## ")).toList();
        assertEquals("## [Unreleased]", headings.getFirst());
        for (String heading : headings.subList(1, headings.size())) {
            Matcher m = RELEASE.matcher(heading);
            assertTrue(m.matches(), "not '## [X.Y.Z] - YYYY-MM-DD': " + heading);
            LocalDate.parse(m.group(2));
        }
    }

    @Test
    void releasesRunNewestFirstAndThePomVersionIsNotBehindTheNewest() throws Exception {
        List<String> released = new ArrayList<>();
        for (String line : Files.readAllLines(CHANGELOG)) {
            Matcher m = RELEASE.matcher(line);
            if (m.matches()) {
                released.add(m.group(1));
            }
        }
        assertEquals(released.stream().sorted(BY_VERSION.reversed()).toList(), released);
        String version = IorVersion.current().version().replaceFirst("[-+].*", "");
        if (!released.isEmpty()) {
            assertTrue(BY_VERSION.compare(version, released.getFirst()) >= 0,
                    "ior " + version + " is older than the released " + released.getFirst());
        }
    }

    private static int[] numbers(String version) {
        return Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }
}
