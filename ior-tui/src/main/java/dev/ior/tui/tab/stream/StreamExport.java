package dev.ior.tui.tab.stream;

import dev.ior.core.EventRecord;
import dev.ior.core.HostInfo;
import dev.ior.core.IorException;
import dev.ior.core.export.CsvEventWriter;
import dev.ior.core.io.OutputFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes stream rows to CSV (ior's CSV columns, as {@code ior trace} prints them) in a
 * new file: created exclusively, mode 0600, handed to the user who ran sudo.
 */
final class StreamExport {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private StreamExport() {
    }

    /** A new file name in {@code directory}: {@code ior-<host>-<UTC time>.csv}, numbered when taken. */
    static Path defaultName(Path directory, Instant now) {
        String stem = "ior-" + HostInfo.hostname().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + STAMP.format(now);
        Path path = directory.resolve(stem + ".csv");
        for (int n = 2; Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS); n++) {
            path = directory.resolve(stem + "-" + n + ".csv");
        }
        return path;
    }

    /**
     * Writes {@code rows} to {@code path}, which must not exist.
     *
     * @throws IorException with a one-line reason when the file cannot be written
     */
    static void write(Path path, List<EventRecord> rows) {
        try (OutputStream out = OutputFiles.newOutputStream(path)) {
            CsvEventWriter writer = new CsvEventWriter(out);
            writer.writeHeader();
            for (EventRecord row : rows) {
                writer.write(row);
            }
            writer.flush();
        } catch (IOException | UncheckedIOException e) {
            throw new IorException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}
