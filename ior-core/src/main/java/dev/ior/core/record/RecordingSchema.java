package dev.ior.core.record;

import dev.ior.core.Errno;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * The columns of an ior recording, in file order. The first 24 are the original
 * ior's documented schema, same names, types and order, so its users' ClickHouse
 * and DuckDB queries run unchanged; ior's own follow. Columns are only ever
 * appended, never renamed or reordered.
 */
final class RecordingSchema {

    /** Writes one row's value of a column. */
    @FunctionalInterface
    interface ValueWriter {
        void write(ColumnWriter out, EventBatch batch, int row, StringCache strings);
    }

    /** Whether a row has a value in an optional column. */
    @FunctionalInterface
    interface Presence {
        boolean present(EventBatch batch, int row);
    }

    /** One column: its Parquet type and how a row's value is written. */
    record Column(PrimitiveType type, ValueWriter writer, Presence presence) {
        String name() {
            return type.getName();
        }
    }

    static final List<Column> COLUMNS;
    static final MessageType MESSAGE;
    /** Columns whose values repeat: dictionary-encoded. */
    static final List<String> DICTIONARY_COLUMNS = List.of("comm", "pid", "tid", "syscall", "family", "fd", "file",
            "old_file", "epoll_op", "errno", "class", "direction", "host");

    static {
        List<Column> c = new ArrayList<>();
        // The original ior's 24 columns.
        c.add(uint64("seq", (o, b, r, s) -> o.write(b.seq[r], 0, 0)));
        c.add(uint64("time_ns", (o, b, r, s) -> o.write(b.timeNs[r], 0, 0)));
        c.add(uint64("gap_ns", (o, b, r, s) -> o.write(b.gapNs[r], 0, 0)));
        c.add(uint64("latency_ns", (o, b, r, s) -> o.write(b.latencyNs[r], 0, 0)));
        c.add(string("comm", (o, b, r, s) -> o.write(s.binary(b.comm[r]), 0, 0)));
        c.add(uint32("pid", (o, b, r, s) -> o.write(b.pid[r], 0, 0)));
        c.add(uint32("tid", (o, b, r, s) -> o.write(b.tid[r], 0, 0)));
        c.add(string("syscall", (o, b, r, s) -> o.write(s.binary(b.syscall[r].name()), 0, 0)));
        c.add(string("family", (o, b, r, s) -> o.write(s.binary(family(b, r)), 0, 0)));
        c.add(int32("fd", (o, b, r, s) -> o.write(b.fd[r], 0, 0)));
        c.add(int64("ret", (o, b, r, s) -> o.write(b.ret[r], 0, 0)));
        c.add(uint64("bytes", (o, b, r, s) -> o.write(b.bytes[r], 0, 0)));
        c.add(uint64("address_space_bytes", (o, b, r, s) -> o.write(0L, 0, 0)));
        c.add(int64("requested_sleep_ns", (o, b, r, s) -> o.write(0L, 0, 0)));
        c.add(int32("nfds", (o, b, r, s) -> o.write(0, 0, 0)));
        c.add(int64("timeout_ns", (o, b, r, s) -> o.write(0L, 0, 0)));
        c.add(string("file", (o, b, r, s) -> o.write(s.binary(b.file[r]), 0, 0)));
        c.add(column(Types.required(PrimitiveTypeName.BOOLEAN).named("is_error"),
                (o, b, r, s) -> o.write(isError(b.ret[r]), 0, 0)));
        c.add(uint64("filter_epoch", (o, b, r, s) -> o.write(0L, 0, 0)));
        c.add(string("old_file", (o, b, r, s) -> o.write(s.binary(b.oldFile[r]), 0, 0)));
        c.add(string("epoll_op", (o, b, r, s) -> o.write(s.binary(""), 0, 0)));
        c.add(int32("epoll_target_fd", (o, b, r, s) -> o.write(0, 0, 0)));
        c.add(column(Types.required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(32, false))
                .named("epoll_events"), (o, b, r, s) -> o.write(0, 0, 0)));
        c.add(column(Types.required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(8, false))
                .named("restarts"), (o, b, r, s) -> o.write(Math.min(b.restarts[r], 255), 0, 0)));
        // ior's own, appended.
        c.add(column(Types.required(PrimitiveTypeName.INT64)
                .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.NANOS)).named("time"),
                (o, b, r, s) -> o.write(b.wallTimeNs[r], 0, 0)));
        c.add(new Column(Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                .named("errno"), (o, b, r, s) -> o.write(s.binary(Errno.name(b.errno[r])), 0, 1),
                (b, r) -> b.errno[r] != 0));
        c.add(string("class", (o, b, r, s) -> o.write(s.binary(b.syscall[r].kind().label()), 0, 0)));
        c.add(string("direction", (o, b, r, s) -> o.write(s.binary(direction(b, r)), 0, 0)));
        c.add(column(Types.required(PrimitiveTypeName.BOOLEAN).named("file_truncated"),
                (o, b, r, s) -> o.write(b.fileTruncated[r], 0, 0)));
        c.add(string("host", (o, b, r, s) -> o.write(s.host(), 0, 0)));
        c.add(int32("old_fd", (o, b, r, s) -> o.write(b.oldFd[r], 0, 0)));
        COLUMNS = List.copyOf(c);
        MESSAGE = new MessageType("ior_event", COLUMNS.stream().map(col -> (org.apache.parquet.schema.Type) col.type())
                .toList());
    }

    private RecordingSchema() {
    }

    /** The original's is_error: a -errno return, but not a kernel restart code. */
    static boolean isError(long ret) {
        return ret < 0 && ret >= -Errno.MAX_ERRNO && !(ret <= -Errno.ERESTARTSYS && ret >= -Errno.ERESTART_RESTARTBLOCK);
    }

    private static String family(EventBatch b, int row) {
        return "FS";
    }

    private static String direction(EventBatch b, int row) {
        var kind = b.syscall[row].kind();
        if (kind.readsBytes() && kind.writesBytes()) {
            return "both";
        }
        return kind.readsBytes() ? "read" : kind.writesBytes() ? "write" : "";
    }

    private static Column uint64(String name, ValueWriter writer) {
        return column(Types.required(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.intType(64, false)).named(name),
                writer);
    }

    private static Column uint32(String name, ValueWriter writer) {
        return column(Types.required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(32, false)).named(name),
                writer);
    }

    private static Column int32(String name, ValueWriter writer) {
        return column(Types.required(PrimitiveTypeName.INT32).named(name), writer);
    }

    private static Column int64(String name, ValueWriter writer) {
        return column(Types.required(PrimitiveTypeName.INT64).named(name), writer);
    }

    private static Column string(String name, ValueWriter writer) {
        return column(Types.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name),
                writer);
    }

    private static Column column(PrimitiveType type, ValueWriter writer) {
        return new Column(type, writer, null);
    }
}
