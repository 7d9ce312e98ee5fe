package dev.ior.core.record;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.EventRecord;
import dev.ior.core.IorException;
import dev.ior.core.synthetic.EventGenerator;
import dev.ior.core.syscall.SyscallTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recordings as users read them: back through ior, and through DuckDB. */
class ParquetRecorderTest {

    private static final long BOOT_TO_WALL = 1_700_000_000_000_000_000L;

    static EventRecord event(long seq, String syscall, int fd, long ret, long bytes, String file, String oldFile) {
        long time = 1_000_000L * seq;
        int errno = ret < 0 && ret >= -4095 ? (int) -ret : 0;
        return new EventRecord(seq, time, time + BOOT_TO_WALL, 10 * seq, 100 + seq, "worker", 42, 43,
                SyscallTable.builtIn().byName(syscall).orElseThrow(), fd, ret, bytes, file, oldFile, -1, false, errno, 0);
    }

    static List<EventRecord> sample() {
        return List.of(
                event(1, "openat", 3, 3, 0, "/data/a.log", ""),
                event(2, "write", 3, 1024, 1024, "/data/a.log", ""),
                event(3, "read", 3, 512, 512, "/data/a.log", ""),
                event(4, "openat", -1, -2, 0, "/data/missing, \"quoted\"", ""),
                event(5, "close", 3, 0, 0, "/data/a.log", ""),
                new EventRecord(6, 6_000_000, 6_000_000 + BOOT_TO_WALL, 7, 8, "bäcker\\x01", 44, 45,
                        SyscallTable.builtIn().byName("openat").orElseThrow(), 4, 4, 0,
                        "/tmp/" + "x".repeat(40) + "\\xff", "", 5, true, 0, 2));
    }

    static Path record(Path output, List<EventRecord> events) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(RecordingMetadata.VERSION, "test");
        metadata.put(RecordingMetadata.BOOT_TO_WALL, Long.toString(BOOT_TO_WALL));
        ParquetRecorder recorder = ParquetRecorder.start(RecordingOptions.to(output, "hostA", metadata),
                () -> Map.of(RecordingMetadata.EVENTS, Integer.toString(events.size()),
                        RecordingMetadata.LOST_KERNEL, "0", RecordingMetadata.DROPPED_USER, "0"));
        events.forEach(recorder);
        recorder.close();
        assertEquals(events.size(), recorder.written());
        assertEquals(0, recorder.dropped());
        return recorder.files().getFirst();
    }

    @Test
    void everyEventComesBackExactlyAsItWasRecorded(@TempDir Path dir) {
        Path file = record(dir.resolve("r.parquet"), sample());
        List<EventRecord> read = readAll(file);
        assertEquals(sample(), read);
    }

    @Test
    void eventsOfManyBatchesAndPagesComeBackExactlyInOrder(@TempDir Path dir) {
        List<EventRecord> many = new ArrayList<>();
        new EventGenerator(7, 8, 3, 200, 100_000).take(50_000).forEach(e -> many.add(e.copy()));
        assertTrue(many.stream().anyMatch(e -> e.errno() != 0) && many.stream().anyMatch(e -> e.errno() == 0));
        assertEquals(many, readAll(record(dir.resolve("many.parquet"), many)));
    }

    @Test
    void theFileIsNewPrivateAndNotReplacedOrFollowed(@TempDir Path dir) throws Exception {
        Path file = record(dir.resolve("r.parquet"), sample());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        IorException exists = assertThrows(IorException.class, () -> record(file, sample()));
        assertEquals(file + " already exists: ior does not overwrite files, choose another name", exists.getMessage());

        Path target = Files.writeString(dir.resolve("victim"), "keep me");
        Path link = Files.createSymbolicLink(dir.resolve("link.parquet"), target);
        assertThrows(IorException.class, () -> record(link, sample()));
        assertEquals("keep me", Files.readString(target));
    }

    @Test
    void aRecordingRemovedWhileWrittenIsSavedAgainUnderItsNameAndStops(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.parquet");
        ParquetRecorder recorder = startRecorder(file);
        List<EventRecord> events = manyEvents(20_000);
        events.subList(0, 10_000).forEach(recorder);
        awaitWritten(recorder, 8192);
        Files.delete(file); // a cleanup job, a mistaken rm
        events.subList(10_000, 20_000).forEach(recorder);

        IorException stopped = assertThrows(IorException.class, recorder::close);
        assertTrue(stopped.getMessage().matches("the recording " + java.util.regex.Pattern.quote(file.toString())
                + " was removed or replaced while ior wrote it: the \\d+ events it held are saved in "
                + java.util.regex.Pattern.quote(file.toString()) + "; recording stopped"), stopped.getMessage());
        long saved = Long.parseLong(stopped.getMessage().replaceAll(".*: the (\\d+) events.*", "$1"));
        assertTrue(saved >= 8192, "saved: " + saved);
        assertEquals(events.subList(0, (int) saved), readAll(file), "what was written, whole and readable");
        assertEquals(20_000, saved + recorder.dropped(), "the rest is counted as dropped");
        assertEquals(List.of(file), recorder.files());
    }

    @Test
    void aRecordingReplacedWhileWrittenIsSavedBesideTheNewFileWhichIsLeftAlone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.parquet");
        ParquetRecorder recorder = startRecorder(file);
        List<EventRecord> events = manyEvents(9_000);
        events.forEach(recorder);
        awaitWritten(recorder, 8192);
        Files.move(Files.writeString(dir.resolve("other"), "not ior's"), file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        IorException stopped = assertThrows(IorException.class, recorder::close);
        Path rescued = dir.resolve("r.rescued.parquet");
        assertTrue(stopped.getMessage().endsWith("saved in " + rescued + "; recording stopped"), stopped.getMessage());
        assertEquals(events, readAll(rescued), "every event: the last batch is written before the file is saved");
        assertEquals("not ior's", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(rescued)));
    }

    private static ParquetRecorder startRecorder(Path file) {
        return ParquetRecorder.start(RecordingOptions.to(file, "hostA", Map.of(RecordingMetadata.BOOT_TO_WALL,
                Long.toString(BOOT_TO_WALL))), Map::of);
    }

    private static List<EventRecord> manyEvents(int count) {
        List<EventRecord> events = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            events.add(event(i, "write", 3, 1, 1, "/data/" + (i % 7), ""));
        }
        return events;
    }

    private static void awaitWritten(ParquetRecorder recorder, long rows) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (recorder.written() < rows) {
            assertTrue(System.nanoTime() < deadline, "the writer did not write " + rows + " rows");
            Thread.sleep(10);
        }
    }

    @Test
    void duckDbSeesTheOriginalColumnsInOrderThenIorsOwn(@TempDir Path dir) throws Exception {
        Path file = record(dir.resolve("r.parquet"), sample());
        List<String> columns = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM '" + file + "'")) {
            while (rs.next()) {
                columns.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        assertEquals(List.of("seq UBIGINT", "time_ns UBIGINT", "gap_ns UBIGINT", "latency_ns UBIGINT",
                "comm VARCHAR", "pid UINTEGER", "tid UINTEGER", "syscall VARCHAR", "family VARCHAR", "fd INTEGER",
                "ret BIGINT", "bytes UBIGINT", "address_space_bytes UBIGINT", "requested_sleep_ns BIGINT",
                "nfds INTEGER", "timeout_ns BIGINT", "file VARCHAR", "is_error BOOLEAN", "filter_epoch UBIGINT",
                "old_file VARCHAR", "epoll_op VARCHAR", "epoll_target_fd INTEGER", "epoll_events UINTEGER",
                "restarts UTINYINT",
                "time TIMESTAMPTZ_NS", "errno VARCHAR", "class VARCHAR", "direction VARCHAR",
                "file_truncated BOOLEAN", "host VARCHAR", "old_fd INTEGER"), columns);
    }

    @Test
    void theFamilyColumnNamesEachSyscallsFamily(@TempDir Path dir) throws Exception {
        List<EventRecord> events = new ArrayList<>(sample());
        events.add(event(7, "sendto", 5, 64, 64, "socket:[77]", ""));
        events.add(event(8, "nanosleep", -1, 0, 0, "", ""));
        events.add(event(9, "io_uring:read", 6, 4096, 4096, "/data/a.log", ""));
        Path file = record(dir.resolve("r.parquet"), events);
        Map<String, String> families = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT syscall, family, class FROM '" + file
                     + "' GROUP BY ALL ORDER BY syscall")) {
            while (rs.next()) {
                families.put(rs.getString(1), rs.getString(2) + " " + rs.getString(3));
            }
        }
        assertEquals(Map.of("close", "FS fd", "io_uring:read", "AIO read", "nanosleep", "Time none", "openat", "FS open",
                "read", "FS read", "sendto", "Network write", "write", "FS write"), families);
        assertEquals(events, readAll(file), "the family is read back with the syscall");
    }

    @Test
    void duckDbCountsBytesAndErrorsLikeIorDoes(@TempDir Path dir) throws Exception {
        Path file = record(dir.resolve("r.parquet"), sample());
        Map<String, String> bySyscall = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT syscall, count(*), sum(bytes), count(errno), "
                     + "sum(is_error::int), any_value(direction) FROM '" + file + "' GROUP BY syscall ORDER BY syscall")) {
            while (rs.next()) {
                bySyscall.put(rs.getString(1), rs.getLong(2) + " " + rs.getLong(3) + " " + rs.getLong(4) + " "
                        + rs.getLong(5) + " " + rs.getString(6));
            }
        }
        assertEquals(Map.of("close", "1 0 0 0 ", "openat", "3 0 1 1 ", "read", "1 512 0 0 read",
                "write", "1 1024 0 0 write"), bySyscall);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT errno, file, epoch_ns(time) - time_ns::BIGINT, host "
                     + "FROM '" + file + "' WHERE is_error")) {
            assertTrue(rs.next());
            assertAll(() -> assertEquals("ENOENT", rs.getString(1)),
                    () -> assertEquals("/data/missing, \"quoted\"", rs.getString(2)),
                    () -> assertEquals(BOOT_TO_WALL, rs.getLong(3)), () -> assertEquals("hostA", rs.getString(4)));
        }
    }

    @Test
    void theFooterCarriesTheSettingsAndTheFinalCounts(@TempDir Path dir) {
        Path file = record(dir.resolve("r.parquet"), sample());
        try (RecordingReader reader = RecordingReader.open(file)) {
            Map<String, String> metadata = reader.metadata();
            assertAll(() -> assertEquals("test", metadata.get(RecordingMetadata.VERSION)),
                    () -> assertEquals("hostA", metadata.get(RecordingMetadata.HOST)),
                    () -> assertEquals("6", metadata.get(RecordingMetadata.ROWS)),
                    () -> assertEquals("6", metadata.get(RecordingMetadata.EVENTS)),
                    () -> assertEquals("0", metadata.get(RecordingMetadata.DROPPED_RECORDER)),
                    () -> assertTrue(Long.parseLong(metadata.get(RecordingMetadata.ENDED_AT)) > BOOT_TO_WALL),
                    () -> assertEquals(6, reader.rows()));
        }
    }

    @Test
    void rotationBySizeLeavesASeriesOfCompleteFiles(@TempDir Path dir) {
        List<EventRecord> many = new ArrayList<>();
        for (int i = 1; i <= 40_000; i++) {
            many.add(event(i, "write", 5, i, i, "/data/file-" + i, ""));
        }
        ParquetRecorder recorder = ParquetRecorder.start(
                new RecordingOptions(dir.resolve("series.parquet"), false, 64 << 10, null, "h", Map.of()), Map::of);
        many.forEach(recorder);
        recorder.close();

        List<Path> files = recorder.files();
        assertTrue(files.size() > 1, "rotated into " + files);
        assertEquals(dir.resolve("series-0001.parquet"), files.getFirst());
        List<EventRecord> back = new ArrayList<>();
        files.forEach(f -> back.addAll(readAll(f)));
        assertEquals(many, back);
    }

    @Test
    void partitionedRecordingsOfTwoHostsFormOneHiveDataset(@TempDir Path dir) throws Exception {
        for (String host : List.of("alpha", "beta")) {
            ParquetRecorder recorder = ParquetRecorder.start(
                    new RecordingOptions(dir, true, 0, null, host, Map.of()), Map::of);
            sample().forEach(recorder);
            recorder.close();
            Path file = recorder.files().getFirst();
            assertEquals("host=" + host, file.getParent().getParent().getFileName().toString());
            assertTrue(file.getParent().getFileName().toString().matches("date=\\d{4}-\\d{2}-\\d{2}"));
        }
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT host, count(*), sum(bytes) FROM read_parquet('" + dir
                     + "/**/*.parquet', hive_partitioning = true) GROUP BY host ORDER BY host")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getLong(3));
            }
            assertEquals(List.of("alpha 6 1536", "beta 6 1536"), rows);
        }
    }

    @Test
    void aDamagedOrForeignFileIsRefusedByName(@TempDir Path dir) throws Exception {
        Path good = record(dir.resolve("r.parquet"), sample());
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.parquet"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        IorException damaged = assertThrows(IorException.class, () -> RecordingReader.open(truncated));
        assertTrue(damaged.getMessage().startsWith(truncated + " is not a readable Parquet recording"),
                damaged.getMessage());

        Path text = Files.writeString(dir.resolve("notes.parquet"), "not parquet at all");
        assertTrue(assertThrows(IorException.class, () -> RecordingReader.open(text)).getMessage()
                .startsWith(text + " is not a readable Parquet recording"));

        Path foreign = dir.resolve("foreign.parquet");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = db.createStatement()) {
            st.execute("COPY (SELECT 1 AS x) TO '" + foreign + "' (FORMAT parquet)");
        }
        assertEquals(foreign + " is not an ior recording (it has no column seq)",
                assertThrows(IorException.class, () -> RecordingReader.open(foreign)).getMessage());
    }

    static List<EventRecord> readAll(Path file) {
        List<EventRecord> events = new ArrayList<>();
        try (RecordingReader reader = RecordingReader.open(file)) {
            EventRecord e;
            while ((e = reader.next()) != null) {
                events.add(e);
            }
        }
        return events;
    }
}
