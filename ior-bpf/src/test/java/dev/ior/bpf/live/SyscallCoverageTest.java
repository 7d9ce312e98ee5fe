package dev.ior.bpf.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ior.bpf.check.Tracefs;
import dev.ior.core.syscall.ArgRole;
import dev.ior.core.syscall.Syscall;
import dev.ior.core.syscall.SyscallTable;
import dev.ior.core.testing.RequiresRoot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * The safeguard against new kernel syscalls: every syscall of the running kernel that
 * takes an fd, a path or a user buffer is either in ior's table (bpf-src/syscalls.tsv)
 * or in its ignore list with a reason (bpf-src/syscalls-ignored.tsv). Also checks the
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
    void everySyscallTakingAnFdAPathOrABufferIsTracedOrIgnoredWithAReason() throws IOException {
        Map<String, String> ignored = ignored();
        Set<String> traced = new TreeSet<>();
        SyscallTable.builtIn().all().forEach(s -> traced.add(s.name()));
        List<String> uncovered = new ArrayList<>();
        int tracedHere = 0;
        int ignoredHere = 0;
        for (var syscall : kernel.entrySet()) {
            boolean relevant = syscall.getValue().stream().anyMatch(f -> f.isPointer() || f.isFd());
            if (traced.contains(syscall.getKey())) {
                tracedHere++;
            } else if (ignored.containsKey(syscall.getKey())) {
                ignoredHere++;
            } else if (relevant) {
                uncovered.add(syscall.getKey() + "(" + syscall.getValue().stream()
                        .map(f -> f.type() + " " + f.name()).reduce((a, b) -> a + ", " + b).orElse("") + ")");
            }
        }
        System.out.printf("syscall coverage on this kernel: %d syscalls, %d traced, %d ignored with a reason%n",
                kernel.size(), tracedHere, ignoredHere);
        assertEquals(List.of(), uncovered, "syscalls of this kernel that take an fd, a path or a buffer but are "
                + "neither in bpf-src/syscalls.tsv nor in bpf-src/syscalls-ignored.tsv: add each to one of them");
    }

    @Test
    void noSyscallIsBothTracedAndIgnoredAndEveryIgnoreHasAReason() throws IOException {
        Map<String, String> ignored = ignored();
        List<String> both = SyscallTable.builtIn().all().stream().map(Syscall::name).filter(ignored::containsKey)
                .toList();
        assertEquals(List.of(), both, "traced and ignored at once");
        assertEquals(List.of(), ignored.entrySet().stream().filter(e -> e.getValue().isBlank()).map(Map.Entry::getKey)
                .toList(), "ignored without a reason");
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
                "sendfile64", "sendfile");
        List<String> wrong = new ArrayList<>();
        for (Syscall syscall : SyscallTable.builtIn().all()) {
            Integer expected = numbers.get(headerName.getOrDefault(syscall.name(), syscall.name()));
            if (!syscall.isUringOperation() && expected != null && expected != syscall.nr()) {
                wrong.add(syscall.name() + " is " + expected + ", not " + syscall.nr());
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** The ignore list: name → reason. */
    static Map<String, String> ignored() throws IOException {
        Map<String, String> ignored = new TreeMap<>();
        try (InputStream in = SyscallTable.class.getResourceAsStream("syscalls-ignored.tsv")) {
            boolean header = true;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cols = line.split("\t", 2);
                ignored.put(cols[0], cols.length > 1 ? cols[1] : "");
            }
        }
        return ignored;
    }
}
