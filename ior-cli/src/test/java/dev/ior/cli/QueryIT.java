package dev.ior.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ior.core.EventRecord;
import dev.ior.core.record.ParquetRecorder;
import dev.ior.core.record.RecordingOptions;
import dev.ior.core.syscall.SyscallTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ior query}: SQL over recordings through DuckDB, printed as an aligned table. */
class QueryIT {

    private static final String DUCKDB_JAR = System.getProperty("ior.localRepository") + "/org/duckdb/duckdb_jdbc/"
            + QueryCommand.DUCKDB_VERSION + "/duckdb_jdbc-" + QueryCommand.DUCKDB_VERSION + ".jar";

    private static void record(Path output, String host, int reads) {
        ParquetRecorder recorder = ParquetRecorder.start(
                new RecordingOptions(output, true, 0, null, host, Map.of()), Map::of);
        var read = SyscallTable.builtIn().byName("read").orElseThrow();
        var open = SyscallTable.builtIn().byName("openat").orElseThrow();
        recorder.accept(new EventRecord(1, 10, 20, 0, 500, "db", 7, 7, open, 3, 3, 0, "/data/t", "", -1, false, 0, 0));
        for (int i = 0; i < reads; i++) {
            recorder.accept(new EventRecord(i + 2, 100 + i, 200 + i, 5, 1000, "db", 7, 7, read, 3, 4096, 4096,
                    "/data/t", "", -1, false, 0, 0));
        }
        recorder.close();
    }

    @Test
    void aDirectoryOfRecordingsIsOneTableWithItsHivePartitions(@TempDir Path dir) throws Exception {
        record(dir, "alpha", 3);
        record(dir, "beta", 5);
        var result = IorProcess.run(List.of(), "query", dir.toString(),
                "SELECT host, syscall, count(*) AS calls, sum(bytes) AS bytes FROM ior GROUP BY ALL ORDER BY ALL",
                "--duckdb-jar", DUCKDB_JAR);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("""
                host   syscall  calls  bytes
                -----  -------  -----  -----
                alpha  openat       1      0
                alpha  read         3  12288
                beta   openat       1      0
                beta   read         5  20480
                (4 rows)
                """, result.stdout());
    }

    @Test
    void blobsPrintAsTheirBytesAndControlBytesAsEscapesSoEachRowIsOneLine(@TempDir Path dir) throws Exception {
        record(dir, "alpha", 2);
        var result = IorProcess.run(List.of(), "query", dir.toString(),
                "SELECT key, value, 'a' || chr(10) || 'b' AS text FROM parquet_kv_metadata('" + dir
                        + "/**/*.parquet') WHERE key = 'ior.rows'",
                "--duckdb-jar", DUCKDB_JAR);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("key       value  text", "--------  -----  ------", "ior.rows  3      a\\x0ab", "(1 row)"),
                result.stdout().lines().toList());
    }

    @Test
    void badSqlIsAOneLineUsageError(@TempDir Path dir) throws Exception {
        record(dir, "alpha", 1);
        var result = IorProcess.run(List.of(), "query", dir.toString(), "SELEKT 1", "--duckdb-jar", DUCKDB_JAR);
        assertEquals(2, result.exitCode());
        assertEquals(1, result.stderrLines().size(), result.stderr());
        assertEquals(true, result.stderrLines().get(0).startsWith("ior: query failed: Parser Error"), result.stderr());
    }

    @Test
    void theDriverVersionIsTheOneTheBuildTestsWith() throws Exception {
        String pom = Files.readString(Path.of(System.getProperty("ior.rootDir"), "pom.xml"));
        assertEquals(true, pom.contains("<duckdb.version>" + QueryCommand.DUCKDB_VERSION + "</duckdb.version>"));
    }
}
