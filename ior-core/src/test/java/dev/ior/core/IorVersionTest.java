package dev.ior.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IorVersionTest {

    /** Semantic Versioning 2.0.0's own grammar (semver.org), pre-release and build included. */
    private static final Pattern SEMVER = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

    @Test
    void theVersionIsThePomsAndASemanticVersion() {
        String version = IorVersion.current().version();
        assertEquals(System.getProperty("ior.pomVersion"), version);
        assertTrue(SEMVER.matcher(version).matches(), version + " is not a semantic version");
    }

    @Test
    void theCommitIsTheCheckoutsHead() throws Exception {
        String commit = IorVersion.current().commit();
        Process git = new ProcessBuilder("git", "-c", "safe.directory=*", "rev-parse", "--short=12", "HEAD")
                .redirectErrorStream(true).start();
        String head = new String(git.getInputStream().readAllBytes()).strip();
        if (git.waitFor() != 0) {
            assertEquals("unknown", commit, "outside a git checkout: " + head);
            return;
        }
        assertTrue(commit.equals(head) || commit.equals(head + "-dirty"), commit + " vs HEAD " + head);
    }

    @Test
    void printsAsVersionAndCommit() {
        assertEquals("1.2.3 (commit abcdef012345)", new IorVersion("1.2.3", "abcdef012345").toString());
    }
}
