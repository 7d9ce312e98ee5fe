package dev.ior.core.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable table of rows (per syscall, file, process or comm) with the bound on
 * its percentiles' relative error ({@link Distribution#relativeError()} explains the
 * two sources).
 *
 * @param rows           the rows, in no particular order
 * @param percentileError the bound on the relative error of the rows' percentiles
 */
public record Table(List<Row> rows, double percentileError) {

    public Table {
        rows = List.copyOf(rows);
    }

    /** The rows sorted by {@code column}, largest first when {@code descending}; ties by name, ascending. */
    public List<Row> sorted(Column column, boolean descending) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(column.order(descending));
        return sorted;
    }

    /** The row named {@code name} (for pid rows, the pid in decimal). */
    public Optional<Row> row(String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** Events over all rows. */
    public long totalCount() {
        return rows.stream().mapToLong(Row::count).sum();
    }

    /**
     * The rows of a files table rolled up {@code levels} directories: each absolute path
     * is replaced by its ancestor that many levels up (never above {@code /}) and rows
     * with the same ancestor are merged. Names that are not absolute paths (pipes,
     * sockets, the "(other)" row) stay as they are. Percentiles of merged rows come
     * from the merged compact histograms.
     */
    public Table rolledUp(int levels) {
        if (levels <= 0) {
            return this;
        }
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row row : rows) {
            String name = row.other() ? row.name() : ancestor(row.name(), levels);
            groups.computeIfAbsent(name, k -> new ArrayList<>()).add(row);
        }
        List<Row> merged = new ArrayList<>(groups.size());
        groups.forEach((name, group) -> merged.add(group.size() == 1 && group.get(0).name().equals(name)
                ? group.get(0) : RowMerger.merge(name, group)));
        return new Table(merged, Math.max(percentileError, LogBuckets.RELATIVE_ERROR));
    }

    /** {@code path}'s ancestor {@code levels} up, or {@code path} itself when it is not absolute. */
    static String ancestor(String path, int levels) {
        if (!path.startsWith("/")) {
            return path;
        }
        String dir = path;
        for (int i = 0; i < levels && dir.length() > 1; i++) {
            int slash = dir.lastIndexOf('/', dir.endsWith("/") ? dir.length() - 2 : dir.length() - 1);
            dir = slash <= 0 ? "/" : dir.substring(0, slash);
        }
        return dir;
    }
}
