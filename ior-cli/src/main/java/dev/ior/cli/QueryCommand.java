package dev.ior.cli;

import dev.ior.core.IorException;
import dev.ior.core.text.Utf8Escaper;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ior query}: SQL over recordings with DuckDB, which sees them as a table named
 * {@code ior} (a directory's files together, hive partitions as columns). DuckDB's
 * JDBC driver is about 80 MB with its natives for four platforms, so it is not in
 * ior's jar: ior loads it from where Maven keeps it, or from --duckdb-jar.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run SQL over recordings (a file, or a directory of them) with DuckDB; the table is 'ior'.")
final class QueryCommand implements Callable<Integer> {

    /** The DuckDB JDBC version ior is tested with (the root POM's duckdb.version). */
    static final String DUCKDB_VERSION = "2.0.0.1";
    private static final String DRIVER = "org.duckdb.DuckDBDriver";

    @Parameters(index = "0", paramLabel = "FILE|DIR", description = "A recording, or a directory of recordings.")
    Path input;

    @Parameters(index = "1", paramLabel = "SQL",
            description = "The query, e.g. \"SELECT syscall, count(*) FROM ior GROUP BY 1 ORDER BY 2 DESC\".")
    String sql;

    @Option(names = "--duckdb-jar", paramLabel = "FILE",
            description = "DuckDB's JDBC driver jar (default: $IOR_DUCKDB_JAR, or Maven's local repository).")
    Path duckdbJar;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(input)) {
            throw new IorException("cannot read " + input + ": no such file or directory", IorException.USAGE_ERROR,
                    null);
        }
        Driver driver = loadDriver(locateDriver());
        try (Connection db = driver.connect("jdbc:duckdb:", new Properties());
             Statement st = db.createStatement()) {
            st.execute("CREATE VIEW ior AS SELECT * FROM " + source(input));
            try (ResultSet rs = st.executeQuery(sql)) {
                print(rs, System.out);
            }
        } catch (SQLException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new IorException("query failed: " + message, IorException.USAGE_ERROR, e);
        }
        return 0;
    }

    /** DuckDB's read_parquet over one file, or over every recording under a directory. */
    static String source(Path input) {
        String path = input.toAbsolutePath().toString().replace("'", "''");
        if (Files.isDirectory(input)) {
            return "read_parquet('" + path + "/**/*.parquet', hive_partitioning = true, union_by_name = true)";
        }
        return "read_parquet('" + path + "')";
    }

    private Path locateDriver() {
        List<Path> candidates = new ArrayList<>();
        if (duckdbJar != null) {
            candidates.add(duckdbJar);
        }
        String env = System.getenv("IOR_DUCKDB_JAR");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        String relative = "org/duckdb/duckdb_jdbc/" + DUCKDB_VERSION + "/duckdb_jdbc-" + DUCKDB_VERSION + ".jar";
        candidates.add(Path.of(System.getProperty("user.home"), ".m2/repository", relative));
        String sudoUser = System.getenv("SUDO_USER");
        if (sudoUser != null && sudoUser.matches("[A-Za-z0-9._-]+")) {
            candidates.add(Path.of("/home", sudoUser, ".m2/repository", relative));
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IorException("ior query needs DuckDB's JDBC driver (about 80 MB, not bundled): fetch it with "
                + "./mvnw dependency:get -Dartifact=org.duckdb:duckdb_jdbc:" + DUCKDB_VERSION
                + ", or pass --duckdb-jar FILE");
    }

    private static Driver loadDriver(Path jar) {
        try {
            URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                    QueryCommand.class.getClassLoader());
            return (Driver) Class.forName(DRIVER, true, loader).getDeclaredConstructor().newInstance();
        } catch (MalformedURLException | ReflectiveOperationException | ClassCastException e) {
            throw new IorException(jar + " is not DuckDB's JDBC driver (" + e.getMessage() + ")");
        }
    }

    /**
     * A value as one cell: BLOBs (Parquet's key-value metadata, say) as their bytes, and
     * every byte that is not printable UTF-8 as {@code \xHH}, so that a cell is one line.
     */
    private static String cell(Object value) throws SQLException {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Blob blob) {
            return Utf8Escaper.decode(blob.getBytes(1, (int) blob.length()));
        }
        return value instanceof String text ? Utf8Escaper.decode(text.getBytes(StandardCharsets.UTF_8))
                : value.toString();
    }

    /** An aligned table: a header, a rule, the rows; numbers right-aligned. */
    static void print(ResultSet rs, PrintStream out) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[columns];
        boolean[] numeric = new boolean[columns];
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            header[c] = meta.getColumnLabel(c + 1);
            widths[c] = header[c].length();
        }
        while (rs.next()) {
            String[] row = new String[columns];
            for (int c = 0; c < columns; c++) {
                Object value = rs.getObject(c + 1);
                row[c] = cell(value);
                numeric[c] |= value instanceof Number;
                widths[c] = Math.max(widths[c], row[c].length());
            }
            rows.add(row);
        }
        out.println(line(header, widths, numeric));
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
        }
        out.println(rule);
        for (String[] row : rows) {
            out.println(line(row, widths, numeric));
        }
        out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
    }

    private static String line(String[] cells, int[] widths, boolean[] numeric) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            String format = numeric[c] ? "%" + widths[c] + "s" : "%-" + widths[c] + "s";
            line.append(c == 0 ? "" : "  ").append(String.format(format, cells[c]));
        }
        return line.toString().stripTrailing();
    }
}
