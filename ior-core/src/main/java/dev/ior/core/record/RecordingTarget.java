package dev.ior.core.record;

import dev.ior.core.io.OutputFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Names the files of a recording: the file the user gave, or in a directory
 * {@code ior-<host>-<UTC time>.parquet} (under {@code host=…/date=…/} when
 * partitioned), with {@code -0001}, {@code -0002}, … when rotating.
 */
final class RecordingTarget {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final RecordingOptions options;
    private final boolean directory;
    private final String stem;
    private int sequence;

    RecordingTarget(RecordingOptions options, Instant start) {
        this.options = options;
        this.directory = options.partition() || Files.isDirectory(options.output())
                || options.output().toString().endsWith("/");
        String name = directory ? "ior-" + safe(options.host()) + "-" + STAMP.format(start)
                : options.output().getFileName().toString().replaceFirst("\\.parquet$", "");
        this.stem = name;
    }

    /** The next file to write, its directories created. */
    Path next(Instant now) {
        sequence++;
        String name = options.rotates() ? String.format("%s-%04d.parquet", stem, sequence) : stem + ".parquet";
        Path dir;
        if (options.partition()) {
            dir = options.output().resolve("host=" + safe(options.host())).resolve("date=" + DAY.format(now));
        } else if (directory) {
            dir = options.output();
        } else {
            // a file named by the user: exactly that, or its numbered series when rotating
            return options.rotates() ? options.output().toAbsolutePath().getParent().resolve(name)
                    : options.output();
        }
        if (!Files.isDirectory(dir)) {
            OutputFiles.createDirectories(dir);
        }
        return dir.resolve(name);
    }

    /** A host name usable in a file name and a hive partition value. */
    private static String safe(String host) {
        return host.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
