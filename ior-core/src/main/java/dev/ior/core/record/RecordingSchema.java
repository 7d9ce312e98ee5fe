package dev.ior.core.record;

import dev.ior.core.Errno;
import dev.ior.core.syscall.Syscall;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * The columns of an ior recording, in file order. The first 24 are the original
 * ior's documented schema, same names, types and order, so its users' ClickHouse
 * and DuckDB queries run unchanged; ior's own follow. Columns are only ever
 * appended, never renamed or reordered.
 */
final class RecordingSchema {

    /** Writes one column's values of every row of a batch. */
    @FunctionalInterface
    interface BatchWriter {
        void write(ColumnWriter out, EventBatch batch, StringCache strings);
    }

    /**
     * One column: its Parquet type, how a batch's values are written, and whether its
     * pages carry statistics (min/max, sizes): not for columns that hold one constant.
     */
    record Column(PrimitiveType type, BatchWriter writer, boolean statistics) {
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
        c.add(longs(uint64("seq"), b -> b.seq));
        c.add(longs(uint64("time_ns"), b -> b.timeNs));
        c.add(longs(uint64("gap_ns"), b -> b.gapNs));
        c.add(longs(uint64("latency_ns"), b -> b.latencyNs));
        c.add(strings(string("comm"), b -> b.comm));
        c.add(ints(uint32("pid"), b -> b.pid));
        c.add(ints(uint32("tid"), b -> b.tid));
        c.add(bySyscall(string("syscall"), Syscall::name, true));
        c.add(bySyscall(string("family"), syscall -> syscall.family().label(), true));
        c.add(ints(int32("fd"), b -> b.fd));
        c.add(longs(int64("ret"), b -> b.ret));
        c.add(longs(uint64("bytes"), b -> b.bytes));
        c.add(constant(uint64("address_space_bytes"), 0L));
        c.add(constant(int64("requested_sleep_ns"), 0L));
        c.add(constant(int32("nfds"), 0));
        c.add(constant(int64("timeout_ns"), 0L));
        c.add(strings(string("file"), b -> b.file));
        c.add(column(Types.required(PrimitiveTypeName.BOOLEAN).named("is_error"), (o, b, s) -> {
            for (int r = 0; r < b.size; r++) {
                o.write(isError(b.ret[r]), 0, 0);
            }
        }));
        c.add(constant(uint64("filter_epoch"), 0L));
        c.add(strings(string("old_file"), b -> b.oldFile));
        c.add(constant(string("epoll_op"), ""));
        c.add(constant(int32("epoll_target_fd"), 0));
        c.add(constant(uint32("epoll_events"), 0));
        c.add(column(Types.required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(8, false))
                .named("restarts"), (o, b, s) -> {
                    for (int r = 0; r < b.size; r++) {
                        o.write(Math.min(b.restarts[r], 255), 0, 0);
                    }
                }));
        // ior's own, appended.
        c.add(longs(Types.required(PrimitiveTypeName.INT64)
                .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.NANOS)).named("time"),
                b -> b.wallTimeNs));
        c.add(column(Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("errno"),
                (o, b, s) -> {
                    for (int r = 0; r < b.size; r++) {
                        if (b.errno[r] != 0) {
                            o.write(s.binary(Errno.name(b.errno[r])), 0, 1);
                        } else {
                            o.writeNull(0, 0);
                        }
                    }
                }));
        c.add(bySyscall(string("class"), syscall -> syscall.kind().label(), false));
        c.add(bySyscall(string("direction"), RecordingSchema::direction, false));
        c.add(column(Types.required(PrimitiveTypeName.BOOLEAN).named("file_truncated"), (o, b, s) -> {
            for (int r = 0; r < b.size; r++) {
                o.write(b.fileTruncated[r], 0, 0);
            }
        }));
        c.add(new Column(string("host"), (o, b, s) -> {
            Binary host = s.host();
            for (int r = 0; r < b.size; r++) {
                o.write(host, 0, 0);
            }
        }, false));
        c.add(ints(int32("old_fd"), b -> b.oldFd));
        COLUMNS = List.copyOf(c);
        MESSAGE = new MessageType("ior_event", COLUMNS.stream().map(col -> (org.apache.parquet.schema.Type) col.type())
                .toList());
    }

    private RecordingSchema() {
    }

    /** The original's is_error: a -errno return, but not a kernel restart code. */
    static boolean isError(long ret) {
        return Errno.of(ret) != 0;
    }

    private static String direction(Syscall syscall) {
        var kind = syscall.kind();
        if (kind.readsBytes() && kind.writesBytes()) {
            return "both";
        }
        return kind.readsBytes() ? "read" : kind.writesBytes() ? "write" : "";
    }

    /** A column of one long array of the batch. */
    private static Column longs(PrimitiveType type, Function<EventBatch, long[]> values) {
        return column(type, (o, b, s) -> {
            long[] v = values.apply(b);
            for (int r = 0; r < b.size; r++) {
                o.write(v[r], 0, 0);
            }
        });
    }

    /** A column of one int array of the batch. */
    private static Column ints(PrimitiveType type, Function<EventBatch, int[]> values) {
        return column(type, (o, b, s) -> {
            int[] v = values.apply(b);
            for (int r = 0; r < b.size; r++) {
                o.write(v[r], 0, 0);
            }
        });
    }

    /** A column of one String array of the batch, written as the cached UTF-8 bytes of each (interned) value. */
    private static Column strings(PrimitiveType type, Function<EventBatch, String[]> values) {
        return column(type, (o, b, s) -> {
            String[] v = values.apply(b);
            for (int r = 0; r < b.size; r++) {
                o.write(s.binary(v[r]), 0, 0);
            }
        });
    }

    /**
     * A column of a string that depends on the row's syscall alone, its bytes made once
     * per syscall; {@code statistics} false for values that are derived from the syscall
     * column (its min and max say as much).
     */
    private static Column bySyscall(PrimitiveType type, Function<Syscall, String> value, boolean statistics) {
        SyscallStrings strings = new SyscallStrings(value);
        return new Column(type, (o, b, s) -> {
            Syscall[] v = b.syscall;
            for (int r = 0; r < b.size; r++) {
                o.write(strings.of(v[r]), 0, 0);
            }
        }, statistics);
    }

    /** A column that holds {@code value} in every row. */
    private static Column constant(PrimitiveType type, long value) {
        return new Column(type, (o, b, s) -> {
            for (int r = 0; r < b.size; r++) {
                o.write(value, 0, 0);
            }
        }, false);
    }

    /** A column that holds {@code value} in every row. */
    private static Column constant(PrimitiveType type, int value) {
        return new Column(type, (o, b, s) -> {
            for (int r = 0; r < b.size; r++) {
                o.write(value, 0, 0);
            }
        }, false);
    }

    /** A column that holds {@code value} in every row. */
    private static Column constant(PrimitiveType type, String value) {
        Binary bytes = Binary.fromConstantByteArray(value.getBytes(StandardCharsets.UTF_8));
        return new Column(type, (o, b, s) -> {
            for (int r = 0; r < b.size; r++) {
                o.write(bytes, 0, 0);
            }
        }, false);
    }

    private static PrimitiveType uint64(String name) {
        return Types.required(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.intType(64, false)).named(name);
    }

    private static PrimitiveType uint32(String name) {
        return Types.required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(32, false)).named(name);
    }

    private static PrimitiveType int32(String name) {
        return Types.required(PrimitiveTypeName.INT32).named(name);
    }

    private static PrimitiveType int64(String name) {
        return Types.required(PrimitiveTypeName.INT64).named(name);
    }

    private static PrimitiveType string(String name) {
        return Types.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
    }

    private static Column column(PrimitiveType type, BatchWriter writer) {
        return new Column(type, writer, true);
    }
}
