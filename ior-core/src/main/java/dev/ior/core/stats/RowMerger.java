package dev.ior.core.stats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Adds rows up into one (directory roll-ups). */
final class RowMerger {

    private RowMerger() {
    }

    static Row merge(String name, List<Row> rows) {
        long count = 0;
        double rate = 0;
        long total = 0;
        long max = 0;
        long read = 0;
        long written = 0;
        long errors = 0;
        Map<String, Long> errnos = new HashMap<>();
        LatencySummary latency = LatencySummary.EMPTY;
        for (Row row : rows) {
            count += row.count();
            rate += row.ratePerSecond();
            total += row.totalLatencyNs();
            max = Math.max(max, row.maxLatencyNs());
            read += row.bytesRead();
            written += row.bytesWritten();
            errors += row.errors();
            for (Row.ErrnoCount e : row.errnos()) {
                errnos.merge(e.errno(), e.count(), Long::sum);
            }
            latency = latency.merge(row.latency());
        }
        return new Row(name, "", "", false, count, rate, total, latency.percentile(50), latency.percentile(95),
                latency.percentile(99), max, read, written, errors, Row.errnosByCount(errnos), latency);
    }
}
