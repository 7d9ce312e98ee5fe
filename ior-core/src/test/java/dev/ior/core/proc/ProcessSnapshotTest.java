package dev.ior.core.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessSnapshotTest {

    @Test
    void jsonListsEachProcessWithItsFdsInOrderQuotesEscaped() {
        String json = ProcessSnapshot.toJson(List.of(
                new ProcessSnapshot(12, "/home/a", Map.of(3, "/tmp/x", 0, "/dev/null", 1, "pipe:[77]")),
                new ProcessSnapshot(13, "", Map.of(4, "/tmp/say \"hi\"\\x0a"))));
        assertEquals("[{\"pid\":12,\"cwd\":\"/home/a\",\"fds\":{\"0\":\"/dev/null\",\"1\":\"pipe:[77]\",\"3\":\"/tmp/x\"}},"
                + "{\"pid\":13,\"cwd\":\"\",\"fds\":{\"4\":\"/tmp/say \\\"hi\\\"\\\\x0a\"}}]", json);
    }
}
