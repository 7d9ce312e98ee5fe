package dev.ior.core.syscall;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Syscall tables for tests: ior's own with rows added (a syscall no kernel has, say). */
public final class TestTables {

    private TestTables() {
    }

    /** ior's table with {@code rows} (tab-separated, as in syscalls.tsv) appended: existing ids do not move. */
    public static SyscallTable builtInPlus(String... rows) {
        try (InputStream in = SyscallTable.class.getResourceAsStream("syscalls.tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\n" + String.join("\n", rows)
                    + "\n";
            return SyscallTable.parse(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
