package dev.ior.bpf.live;

import dev.ior.bench.RecordedWorkload;
import dev.ior.bpf.ring.RingReader;
import dev.ior.core.SessionCounters;
import dev.ior.core.analysis.Analysis;
import dev.ior.core.analysis.AnalysisSettings;
import dev.ior.core.pipeline.EventPipeline;
import dev.ior.core.proc.ProcFs;
import dev.ior.core.syscall.SyscallTable;
import java.time.Duration;
import java.util.List;

/**
 * Ring records decoded, resolved and counted by every aggregation, as a live session
 * does it, with the benchmark's thread as the feeding thread: the shared fixture of
 * the pipeline benchmarks.
 */
final class CountedRecords {

    final EventPipeline pipeline;
    final Analysis analysis;
    final RecordDecoder decoder;

    /** Publishing snapshots every {@code publish}, the filter frames {@code frames} pushed. */
    CountedRecords(Duration publish, List<String> frames) {
        analysis = new Analysis(AnalysisSettings.DEFAULT.withPublishInterval(publish), () -> SessionCounters.NONE);
        frames.forEach(analysis::push);
        pipeline = new EventPipeline(SyscallTable.builtIn(), ProcFs.NONE, 0, publish.toNanos(), analysis::onEvent,
                analysis::onFlush);
        pipeline.onProcessExit(analysis::onProcessExit);
        decoder = new RecordDecoder(pipeline);
        analysis.startFeeding();
    }

    void close() {
        analysis.stopFeeding();
    }

    /**
     * Hands {@code count} records of {@code workload} from record {@code from} on to
     * {@code handler}, wrapping around; returns where to go on.
     */
    static int feed(RecordedWorkload workload, int from, int count, RingReader.RecordHandler handler) {
        int mask = workload.offsets.length - 1;
        int r = from;
        for (int i = 0; i < count; i++) {
            handler.onRecord(workload.data, workload.offsets[r], workload.lengths[r]);
            r = (r + 1) & mask;
        }
        return r;
    }
}
