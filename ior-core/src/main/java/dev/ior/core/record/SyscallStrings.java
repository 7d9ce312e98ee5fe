package dev.ior.core.record;

import dev.ior.core.syscall.Syscall;
import dev.ior.core.syscall.SyscallTable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.apache.parquet.io.api.Binary;

/**
 * The UTF-8 bytes of one string per syscall (its name, class, direction), made once for
 * every syscall of ior's table: a lookup by id instead of a hash lookup per row.
 * Immutable, so writer threads of several recordings share it.
 */
final class SyscallStrings {

    private final Function<Syscall, String> value;
    private final List<Syscall> table = SyscallTable.builtIn().all();
    private final Binary[] byId;

    SyscallStrings(Function<Syscall, String> value) {
        this.value = value;
        this.byId = new Binary[table.size()];
        for (Syscall syscall : table) {
            byId[syscall.id()] = bytes(syscall);
        }
    }

    Binary of(Syscall syscall) {
        int id = syscall.id();
        return id < byId.length && table.get(id) == syscall ? byId[id] : bytes(syscall);
    }

    private Binary bytes(Syscall syscall) {
        return Binary.fromConstantByteArray(value.apply(syscall).getBytes(StandardCharsets.UTF_8));
    }
}
