package dev.ior.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ior.core.source.EventSink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What a source says without stopping (a kernel feature missing, children not followed) is a session warning. */
class SourceWarningsTest {

    /** Warns once while opening and once from its reading thread. */
    private static final class Warning extends ScriptedSource {
        private Consumer<String> warnings;

        @Override
        public void onWarning(Consumer<String> sink) {
            warnings = sink;
        }

        @Override
        public void open(TraceSettings settings) {
            warnings.accept("fds are not identified by inode here");
        }

        @Override
        public void run(EventSink sink) {
            warnings.accept("3 forked children were not followed");
        }
    }

    @Test
    void warningsFromOpeningAndReadingReachListenersAndTheSessionsList() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        try (IorSession session = IorSession.builder().source(new Warning()).withoutAnalysis().build()) {
            session.onWarning(heard::add);
            session.startAsync();
            session.awaitTermination(Duration.ofSeconds(10));
            List<String> expected = List.of("fds are not identified by inode here", "3 forked children were not followed");
            assertEquals(expected, heard);
            assertEquals(expected, session.warnings());
        }
    }
}
