package dev.ior.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads recordings back the way users do: SQL in DuckDB. */
final class DuckDb {

    private DuckDb() {
    }

    /** The rows of {@code sql}, each as its values joined by one space ("null" for SQL NULL). */
    static List<String> query(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = db.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    values.add(String.valueOf(rs.getObject(c)));
                }
                rows.add(String.join(" ", values));
            }
        }
        return rows;
    }

    /** The one value {@code sql} returns. */
    static String value(String sql) throws Exception {
        List<String> rows = query(sql);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row from " + sql + ", got " + rows);
        }
        return rows.getFirst();
    }

    /** A footer metadata entry of a recording, or "null" when it has none. */
    static String metadata(java.nio.file.Path recording, String key) throws Exception {
        List<String> rows = query("SELECT decode(value) FROM parquet_kv_metadata('" + recording + "') WHERE decode(key) = '"
                + key + "'");
        return rows.isEmpty() ? "null" : rows.getFirst();
    }
}
