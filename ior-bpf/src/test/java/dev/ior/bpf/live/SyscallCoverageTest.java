package dev.ior.bpf.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ior.bpf.check.Tracefs;
import dev.ior.core.syscall.ArgRole;
import dev.ior.core.syscall.Syscall;
import dev.ior.core.syscall.SyscallTable;
import dev.ior.core.testing.RequiresRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The safeguard against new kernel syscalls: every syscall of the running kernel is in
 * ior's table (bpf-src/syscalls.tsv) with a family, and whatever ior does not trace by
 * default is listed with the reason (bpf-src/syscalls-ignored.tsv). Also checks the
 * table's argument roles and numbers against the running kernel.
 */
@RequiresRoot
class SyscallCoverageTest {

    /** One argument of a syscall, as its tracefs format file declares it. */
    record Field(String type, String name) {

        boolean isPointer() {
            return type.contains("*");
        }

        boolean isString() {
            return type.replace("const ", "").replace(" ", "").equals("char*");
        }

        boolean isFd() {
            return !isPointer() && FD_NAME.matcher(name).find();
        }
    }

    /** Argument names that hold an fd: fd, dfd, oldfd, fd_in, fdout, epfd, pidfd, fildes, mqdes ... */
    private static final Pattern FD_NAME = Pattern.compile("fd|fildes|mqdes");
    private static final Pattern FIELD = Pattern.compile("^\\tfield:(.+) (\\w+);\\toffset:");
    private static final Set<String> COMMON = Set.of("common_type", "common_flags", "common_preempt_count",
            "common_pid", "__syscall_nr");

    private static Map<String, List<Field>> kernel;

    @BeforeAll
    static void readTheKernelsSyscalls() throws IOException {
        Path events = Tracefs.mountIfNeeded().root().resolve("events/syscalls");
        kernel = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(events)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("sys_enter_")).toList()) {
                List<Field> fields = new ArrayList<>();
                for (String line : Files.readAllLines(dir.resolve("format"))) {
                    Matcher m = FIELD.matcher(line);
                    if (m.find() && !COMMON.contains(m.group(2))) {
                        fields.add(new Field(m.group(1), m.group(2)));
                    }
                }
                kernel.put(dir.getFileName().toString().substring("sys_enter_".length()), fields);
            }
        }
    }

    @Test
    void everySyscallOfThisKernelIsInTheTable() {
        Set<String> known = new TreeSet<>();
        SyscallTable.builtIn().all().forEach(s -> known.add(s.name()));
        List<String> missing = new ArrayList<>();
        for (var syscall : kernel.entrySet()) {
            if (!known.contains(syscall.getKey())) {
                missing.add(syscall.getKey() + "(" + syscall.getValue().stream()
                        .map(f -> f.type() + " " + f.name()).reduce((a, b) -> a + ", " + b).orElse("") + ")");
            }
        }
        long byDefault = SyscallTable.builtIn().defaults().stream().filter(s -> kernel.containsKey(s.name())).count();
        System.out.printf("syscalls of this kernel: %d, all in ior's table: %d traced by default, %d on request%n",
                kernel.size(), byDefault, kernel.size() - byDefault);
        assertEquals(List.of(), missing, "syscalls of this kernel that are not in bpf-src/syscalls.tsv: add each, with "
                + "its family, and list it in bpf-src/syscalls-ignored.tsv with a reason unless it is traced by default");
    }

    @Test
    void theTablesArgumentRolesMatchTheKernelsArguments() {
        List<String> wrong = new ArrayList<>();
        for (Syscall syscall : SyscallTable.builtIn().all()) {
            List<Field> fields = kernel.get(syscall.name());
            if (syscall.isUringOperation() || fields == null) {
                continue; // io_uring operations have no format file; a syscall this kernel lacks is skipped
            }
            if (fields.size() != syscall.args().size()) {
                wrong.add(syscall.name() + ": " + syscall.args().size() + " roles for " + fields.size() + " arguments");
                continue;
            }
            for (int i = 0; i < fields.size(); i++) {
                ArgRole role = syscall.args().get(i);
                Field field = fields.get(i);
                boolean fits = switch (role) {
                    case PATH, PATH2, TARGET -> field.isString();
                    case FD, FD2, DIRFD, DIRFD2 -> field.isFd();
                    case DEREF -> field.isPointer();
                    case COUNT, FLAGS, CLOEXEC1 -> !field.isPointer();
                    case OTHER -> true;
                };
                if (!fits) {
                    wrong.add(syscall.name() + " argument " + (i + 1) + " '" + field.type() + " " + field.name()
                            + "' is not a " + role.label());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theTablesNumbersMatchTheSystemHeaders() throws IOException {
        Path header = Path.of("/usr/include/x86_64-linux-gnu/asm/unistd_64.h");
        assumeTrue(Files.exists(header), "no x86_64 kernel headers (linux-libc-dev) to check the numbers against");
        Map<String, Integer> numbers = new LinkedHashMap<>();
        Pattern define = Pattern.compile("^#define __NR_(\\w+) (\\d+)$");
        for (String line : Files.readAllLines(header)) {
            Matcher m = define.matcher(line);
            if (m.matches()) {
                numbers.put(m.group(1), Integer.parseInt(m.group(2)));
            }
        }
        // tracefs names of the few syscalls whose libc name differs
        Map<String, String> headerName = Map.of("newstat", "stat", "newlstat", "lstat", "newfstat", "fstat",
                "sendfile64", "sendfile", "newuname", "uname", "umount", "umount2");
        List<String> wrong = new ArrayList<>();
        for (Syscall syscall : SyscallTable.builtIn().all()) {
            Integer expected = numbers.get(headerName.getOrDefault(syscall.name(), syscall.name()));
            if (!syscall.isUringOperation() && expected != null && expected != syscall.nr()) {
                wrong.add(syscall.name() + " is " + expected + ", not " + syscall.nr());
            }
        }
        assertEquals(List.of(), wrong);
    }
}
