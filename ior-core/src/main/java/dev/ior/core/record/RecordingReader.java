package dev.ior.core.record;

import dev.ior.core.Errno;
import dev.ior.core.EventRecord;
import dev.ior.core.IorException;
import dev.ior.core.syscall.Effect;
import dev.ior.core.syscall.Syscall;
import dev.ior.core.syscall.SyscallClass;
import dev.ior.core.syscall.SyscallFamily;
import dev.ior.core.syscall.SyscallTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * Reads a recording back as events, in file order: ior's own recordings, and the
 * original ior's (its 24 columns; ior's additions take their defaults). Anything
 * else, or a damaged file, is refused with one line naming the file.
 */
public final class RecordingReader implements AutoCloseable {

    /** Columns without which a file is not an ior recording. */
    private static final List<String> REQUIRED = List.of("seq", "time_ns", "gap_ns", "latency_ns", "comm", "pid", "tid",
            "syscall", "fd", "ret", "bytes", "file");

    private final Path file;
    private final Map<String, String> metadata;
    private final long rows;
    private final boolean hasWallTime;
    private final boolean hasErrno;
    private final boolean hasTruncated;
    private final boolean hasOldFd;
    private final long bootToWall;
    private final ParquetFileReader reader;
    private final MessageType schema;
    private RecordReader<Group> rowGroup;
    private long rowsLeftInGroup;
    private final Map<String, Syscall> syscalls = new HashMap<>();

    private RecordingReader(Path file) {
        this.file = file;
        try {
            reader = new ParquetFileReader(new LocalInputFile(file), HadoopFreeReadOptions.create(new ZstdCodecFactory()));
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, e);
        }
        schema = reader.getFileMetaData().getSchema();
        metadata = readableMetadata(reader.getFileMetaData().getKeyValueMetaData());
        rows = reader.getRecordCount();
        for (String column : REQUIRED) {
            if (!schema.containsField(column)) {
                close();
                throw new IorException(file + " is not an ior recording (it has no column " + column + ")");
            }
        }
        hasWallTime = schema.containsField("time");
        hasErrno = schema.containsField("errno");
        hasTruncated = schema.containsField("file_truncated");
        hasOldFd = schema.containsField("old_fd");
        bootToWall = number(RecordingMetadata.BOOT_TO_WALL);
    }

    /** Opens {@code file}; a one-line {@link IorException} if it is missing, damaged or not a recording. */
    public static RecordingReader open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IorException("cannot read " + file + ": no such file");
        }
        return new RecordingReader(file);
    }

    /** The footer's key-value metadata. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The footer's key-values; a damaged footer can hold entries without a value. */
    private static Map<String, String> readableMetadata(Map<String, String> raw) {
        Map<String, String> kept = new java.util.HashMap<>();
        raw.forEach((key, value) -> {
            if (key != null && value != null) {
                kept.put(key, value);
            }
        });
        return Map.copyOf(kept);
    }

    /** A numeric metadata value; 0 when absent, a one-line error when damaged. */
    private long number(String key) {
        String value = metadata.getOrDefault(key, "0");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            close();
            throw new IorException(file + " has damaged metadata: " + key + " is not a number");
        }
    }

    /** How many rows the file holds. */
    public long rows() {
        return rows;
    }

    /** The next event, or null at the end of the file. */
    public EventRecord next() {
        try {
            Group row = nextRow();
            return row == null ? null : event(row);
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, e); // damage shows up here too: a cut string, a wrong type
        }
    }

    private Group nextRow() throws IOException {
        while (rowsLeftInGroup == 0) {
            PageReadStore pages = reader.readNextRowGroup();
            if (pages == null) {
                return null;
            }
            rowsLeftInGroup = pages.getRowCount();
            rowGroup = new ColumnIOFactory().getColumnIO(schema).getRecordReader(pages,
                    new GroupRecordConverter(schema));
        }
        rowsLeftInGroup--;
        return rowGroup.read();
    }

    private EventRecord event(Group row) {
        long timeNs = row.getLong("time_ns", 0);
        long ret = row.getLong("ret", 0);
        String errnoName = hasErrno && row.getFieldRepetitionCount("errno") > 0 ? row.getString("errno", 0) : null;
        return new EventRecord(row.getLong("seq", 0), timeNs,
                hasWallTime ? row.getLong("time", 0) : timeNs + bootToWall,
                row.getLong("gap_ns", 0), row.getLong("latency_ns", 0), row.getString("comm", 0),
                row.getInteger("pid", 0), row.getInteger("tid", 0), syscall(row),
                row.getInteger("fd", 0), ret, row.getLong("bytes", 0), row.getString("file", 0),
                field(row, "old_file"), hasOldFd ? row.getInteger("old_fd", 0) : -1,
                hasTruncated && row.getBoolean("file_truncated", 0),
                errnoName == null ? Errno.of(ret) : Errno.number(errnoName),
                row.getType().containsField("restarts") ? row.getInteger("restarts", 0) : 0);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // read-only: nothing is lost by a failed close
        }
    }

    private Syscall syscall(Group row) {
        String name = row.getString("syscall", 0);
        return syscalls.computeIfAbsent(name, n -> SyscallTable.builtIn().byName(n).orElseGet(() -> {
            SyscallClass kind = SyscallClass.OTHER;
            if (row.getType().containsField("class")) {
                try {
                    kind = SyscallClass.valueOf(row.getString("class", 0).toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException unknownClass) {
                    kind = SyscallClass.OTHER;
                }
            }
            SyscallFamily family = SyscallFamily.byLabel(field(row, "family")).orElse(SyscallFamily.MISC);
            return new Syscall(-1, n, -1, family, kind, List.of(), Effect.NONE, false);
        }));
    }

    private static String field(Group row, String name) {
        return row.getType().containsField(name) ? row.getString(name, 0) : "";
    }

    private static IorException unreadable(Path file, Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new IorException(file + " is not a readable Parquet recording (damaged or truncated?): " + reason, e);
    }
}
