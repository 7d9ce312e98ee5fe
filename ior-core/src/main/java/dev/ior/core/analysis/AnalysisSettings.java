package dev.ior.core.analysis;

import dev.ior.core.IorException;
import java.time.Duration;
import java.util.Objects;

/**
 * How a session aggregates: how often it publishes snapshots and how much it keeps.
 *
 * @param publishInterval how often a new snapshot is published while events arrive (and at the end)
 * @param streamEvents    how many of the latest events the stream tail holds
 * @param maxFiles        paths tracked before the least recently seen are merged into "(other)"
 * @param maxProcesses    pids tracked before the least recently seen (exited first) are merged into "(other)"
 * @param maxKeys         fine keys (comm, pid, tid, syscall, path, errno) tracked before paths, then
 *                        processes, are merged into "(other)" to stay below; a key costs 128 bytes
 *                        plus its latency histogram, 128 bytes to 8 KiB by the spread of its
 *                        latencies (typically well under 1 KiB)
 * @param seriesSeconds   how many seconds the sparklines and the heatmap reach back
 */
public record AnalysisSettings(Duration publishInterval, int streamEvents, int maxFiles, int maxProcesses,
                               int maxKeys, int seriesSeconds) {

    /** 10 snapshots a second, 10 000 stream events, 10 000 files, 4 096 processes, 100 000 keys, 120 s. */
    public static final AnalysisSettings DEFAULT =
            new AnalysisSettings(Duration.ofMillis(100), 10_000, 10_000, 4_096, 100_000, 120);

    /** Checks every setting; bad ones are usage errors. */
    public AnalysisSettings {
        Objects.requireNonNull(publishInterval);
        if (publishInterval.isNegative() || publishInterval.isZero()) {
            throw usage("the publish interval must be positive, not " + publishInterval);
        }
        positive("stream events", streamEvents);
        positive("the file cap", maxFiles);
        positive("the process cap", maxProcesses);
        positive("the key cap", maxKeys);
        positive("series seconds", seriesSeconds);
    }

    /** These settings publishing every {@code interval}. */
    public AnalysisSettings withPublishInterval(Duration interval) {
        return new AnalysisSettings(interval, streamEvents, maxFiles, maxProcesses, maxKeys, seriesSeconds);
    }

    /** These settings with a stream tail of {@code events}. */
    public AnalysisSettings withStreamEvents(int events) {
        return new AnalysisSettings(publishInterval, events, maxFiles, maxProcesses, maxKeys, seriesSeconds);
    }

    /** These settings with other caps on files, processes and keys. */
    public AnalysisSettings withCaps(int files, int processes, int keys) {
        return new AnalysisSettings(publishInterval, streamEvents, files, processes, keys, seriesSeconds);
    }

    /** These settings with sparklines and heatmap reaching {@code seconds} back. */
    public AnalysisSettings withSeriesSeconds(int seconds) {
        return new AnalysisSettings(publishInterval, streamEvents, maxFiles, maxProcesses, maxKeys, seconds);
    }

    private static void positive(String what, int value) {
        if (value <= 0) {
            throw usage(what + " must be at least 1, not " + value);
        }
    }

    private static IorException usage(String message) {
        return new IorException(message, IorException.USAGE_ERROR, null);
    }
}
