package dev.ior.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ior.core.proc.ProcFs;
import dev.ior.core.source.EventSink;
import dev.ior.core.source.RawEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session tracing by pid says when each traced process is gone: from its exit
 * record, or, when that record never came (lost in a flood, exited before attaching),
 * from /proc.
 */
class TracedProcessExitTest {

    private static final int WITH_RECORD = 100;
    private static final int WITHOUT_RECORD = 200;
    private static final int UNTRACED = 300;

    @TempDir
    Path proc;

    /** Emits an exit record for one traced process, removes another from /proc silently, then idles. */
    private final class Exits extends ScriptedSource {
        private final ProcFs procFs = new ProcFs(proc);

        @Override
        public void run(EventSink sink) {
            RawEvent raw = new RawEvent();
            raw.paths = MemorySegment.ofArray(new byte[0]);
            raw.kind = RawEvent.EXIT;
            raw.pid = UNTRACED;
            sink.onRaw(raw);
            raw.pid = WITH_RECORD;
            sink.onRaw(raw);
            sink.onIdle();
            delete(proc.resolve(Integer.toString(WITHOUT_RECORD)));
            sink.onIdle();
            sink.onIdle();
        }

        @Override
        public ProcFs procFs() {
            return procFs;
        }
    }

    private static void delete(Path dir) {
        try {
            Files.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void eachTracedProcessIsReportedOnceWhetherItsExitRecordCameOrNot() throws Exception {
        for (int pid : List.of(WITH_RECORD, WITHOUT_RECORD, UNTRACED)) {
            Files.createDirectories(proc.resolve(Integer.toString(pid)));
        }
        List<Integer> exited = new CopyOnWriteArrayList<>();
        try (IorSession session = IorSession.builder().source(new Exits()).pid(WITH_RECORD, WITHOUT_RECORD)
                .build()) {
            session.onTracedProcessExit(exited::add);
            session.start();
        }
        assertEquals(List.of(WITH_RECORD, WITHOUT_RECORD), exited);
    }
}
