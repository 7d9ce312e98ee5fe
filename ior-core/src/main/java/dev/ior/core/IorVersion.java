package dev.ior.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Which ior this is: one semantic version, the POM's, reported alike by
 * {@code ior --version}, recordings' metadata and any tool that embeds ior, and the
 * git commit it was built from. Both are written at build time
 * ({@code scripts/version-properties.sh}).
 *
 * @param version the semantic version, e.g. {@code 0.1.0}
 * @param commit  the abbreviated git commit, {@code -dirty} appended when the build had
 *                uncommitted changes; {@code unknown} when not built from a git checkout
 */
public record IorVersion(String version, String commit) {

    private static final String RESOURCE = "version.properties";
    private static final IorVersion CURRENT = load();

    /** The version of the ior-core on the class path. */
    public static IorVersion current() {
        return CURRENT;
    }

    /** {@code 0.1.0 (commit 1a2b3c4d5e6f)}. */
    @Override
    public String toString() {
        return version + " (commit " + commit + ")";
    }

    private static IorVersion load() {
        try (InputStream in = IorVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                // compiled outside Maven (an IDE): no build step wrote the file
                return new IorVersion("0.0.0-dev", "unknown");
            }
            Properties properties = new Properties();
            properties.load(in);
            return new IorVersion(properties.getProperty("version"), properties.getProperty("commit"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
