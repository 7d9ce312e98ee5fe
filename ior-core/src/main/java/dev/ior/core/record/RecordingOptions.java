package dev.ior.core.record;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where and how a recording is written.
 *
 * @param output      a file, or a directory to create ior-&lt;host&gt;-&lt;time&gt;.parquet in
 * @param partition   write hive-style directories under {@code output}: host=…/date=…/
 * @param rotateBytes start a new file once the current one reaches this size; 0 = never
 * @param rotateAfter start a new file after this long; null = never
 * @param host        the host name written into every row and the metadata
 * @param metadata    key-value metadata for the file footer (settings known at start)
 */
public record RecordingOptions(Path output, boolean partition, long rotateBytes, Duration rotateAfter, String host,
                               Map<String, String> metadata) {

    public RecordingOptions {
        metadata = Map.copyOf(metadata);
    }

    /** One file or directory, no rotation or partitioning. */
    public static RecordingOptions to(Path output, String host, Map<String, String> metadata) {
        return new RecordingOptions(output, false, 0, null, host, metadata);
    }

    /** Whether files are rotated. */
    boolean rotates() {
        return rotateBytes > 0 || rotateAfter != null;
    }
}
