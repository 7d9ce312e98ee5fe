package dev.ior.core.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One row of a syscall, file or process table: what the events with one key
 * (a syscall, a path, a pid, a comm) added up to. Latencies in nanoseconds.
 *
 * @param name           the key as shown: syscall name, path, comm, or pid in decimal; "" for
 *                       events without a file in the files table
 * @param comm           for pid rows the process's latest command name, otherwise ""
 * @param family         for syscall rows the syscall's family ({@code FS}, {@code Network}, ...), otherwise ""
 * @param other          whether this is the row that least recently seen keys were evicted into
 * @param count          events
 * @param ratePerSecond  events per second over the last second (sliding)
 * @param totalLatencyNs sum of latencies
 * @param p50            median latency
 * @param p95            95th percentile latency
 * @param p99            99th percentile latency
 * @param maxLatencyNs   the largest latency, exactly
 * @param bytesRead      bytes read
 * @param bytesWritten   bytes written
 * @param errors         failed calls
 * @param errnos         failed calls per errno name, most frequent first
 * @param latency        the compact latency histogram, for merging rows
 */
public record Row(String name, String comm, String family, boolean other, long count, double ratePerSecond,
                  long totalLatencyNs, long p50, long p95, long p99, long maxLatencyNs, long bytesRead,
                  long bytesWritten, long errors, List<ErrnoCount> errnos, LatencySummary latency) {

    /** The label of the row that evicted keys merge into. */
    public static final String OTHER = "(other)";

    /** Failed calls with one errno. */
    public record ErrnoCount(String errno, long count) {
    }

    public Row {
        errnos = List.copyOf(errnos);
    }

    /** Errno counts as a list, most frequent first, ties by name. */
    public static List<ErrnoCount> errnosByCount(Map<String, Long> errnos) {
        List<ErrnoCount> list = new ArrayList<>();
        errnos.forEach((errno, n) -> list.add(new ErrnoCount(errno, n)));
        list.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count())
                : a.errno().compareTo(b.errno()));
        return list;
    }

    /** Mean latency, 0 when there are no events. */
    public long avgLatencyNs() {
        return count == 0 ? 0 : totalLatencyNs / count;
    }

    /** The most frequent errno name, or null when no call failed. */
    public String topErrno() {
        return errnos.isEmpty() ? null : errnos.get(0).errno();
    }
}
