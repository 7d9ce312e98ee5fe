package dev.ior.core.analysis;

import dev.ior.core.IorEvent;
import dev.ior.core.SessionCounters;
import dev.ior.core.pipeline.EventPipeline;
import dev.ior.core.proc.ProcFs;
import dev.ior.core.source.RawEvent;
import dev.ior.core.syscall.SyscallTable;
import java.util.List;

/** Feeds resolved events through ior's pipeline into an Analysis, on the test's thread. */
final class Feed {

    final Analysis analysis;
    private final EventPipeline pipeline;
    private boolean feeding = true;

    Feed() {
        this(AnalysisSettings.DEFAULT);
    }

    Feed(AnalysisSettings settings) {
        analysis = new Analysis(settings, () -> SessionCounters.NONE);
        pipeline = new EventPipeline(SyscallTable.builtIn(), ProcFs.NONE, 0, Long.MAX_VALUE, analysis::onEvent,
                analysis::onFlush);
        pipeline.onProcessExit(analysis::onProcessExit);
        analysis.startFeeding();
    }

    Feed send(IorEvent... events) {
        return send(List.of(events));
    }

    Feed send(List<? extends IorEvent> events) {
        for (IorEvent e : events) {
            pipeline.onEvent(e);
        }
        return this;
    }

    /** The kernel reports that the last thread of {@code pid} exited. */
    Feed exit(int pid) {
        RawEvent exit = new RawEvent();
        exit.kind = RawEvent.EXIT;
        exit.pid = pid;
        pipeline.onRaw(exit);
        return this;
    }

    /** A snapshot now, published by this (the feeding) thread. */
    Snapshot snapshot() {
        return analysis.requestSnapshot().join();
    }

    /** Ends feeding (the clock stops at the latest event) and returns the final snapshot. */
    Snapshot finish() {
        if (feeding) {
            feeding = false;
            analysis.stopFeeding();
        }
        return analysis.snapshot();
    }
}
