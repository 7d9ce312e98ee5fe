package dev.ior.core.syscall;

import dev.ior.core.IorException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The syscall catalogue: every syscall ior knows (every syscall of the kernels it is
 * tested on) and every io_uring operation, loaded from the table shared with the BPF
 * side ({@code bpf-src/syscalls.tsv}), each with its family and whether it is traced
 * by default. Lookups by kernel number are an array index, cheap enough for every event.
 */
public final class SyscallTable {

    private static final String RESOURCE = "syscalls.tsv";
    /** The syscalls not traced by default, with the reasons. */
    private static final String NOT_DEFAULT = "syscalls-ignored.tsv";
    private static final SyscallTable BUILT_IN = load();
    /** IORING_OP_ is a u8. */
    private static final int URING_OPS = 256;

    private final List<Syscall> syscalls;
    private final Map<String, Syscall> byName;
    private final Syscall[] byNr;
    private final Syscall[] byUringOp = new Syscall[URING_OPS];

    private SyscallTable(List<Syscall> syscalls) {
        this.syscalls = Collections.unmodifiableList(syscalls);
        this.byName = new LinkedHashMap<>();
        int maxNr = 0;
        for (Syscall s : syscalls) {
            if (byName.put(s.name(), s) != null) {
                throw new IllegalStateException(RESOURCE + ": " + s.name() + " is listed twice");
            }
            if (!s.isUringOperation()) {
                maxNr = Math.max(maxNr, s.nr());
            }
        }
        this.byNr = new Syscall[maxNr + 1];
        for (Syscall s : syscalls) {
            Syscall[] index = s.isUringOperation() ? byUringOp : byNr;
            if (index[s.nr()] != null) {
                throw new IllegalStateException(RESOURCE + ": " + s.name() + " and " + index[s.nr()].name()
                        + " share the number " + s.nr());
            }
            index[s.nr()] = s;
        }
    }

    /** The table built into ior, for this machine's architecture. */
    public static SyscallTable builtIn() {
        return BUILT_IN;
    }

    /** Every syscall in table order. */
    public List<Syscall> all() {
        return syscalls;
    }

    /** The syscall with kernel number {@code nr}, or null when ior does not know it. */
    public Syscall byNr(int nr) {
        return nr >= 0 && nr < byNr.length ? byNr[nr] : null;
    }

    /** The io_uring operation with IORING_OP_ {@code opcode}, or null when ior does not know it. */
    public Syscall byUringOp(int opcode) {
        return opcode >= 0 && opcode < URING_OPS ? byUringOp[opcode] : null;
    }

    /**
     * The syscalls that a list of patterns selects ({@link SyscallPattern}: names, globs,
     * {@code family:NAME}, {@code kind:NAME}, {@code default}, each optionally after
     * {@code !} to exclude), in table order. What the including patterns match, together;
     * no including pattern selects the default set; exclusions apply last, so an
     * exclusion wins.
     *
     * @throws IorException (usage) when a pattern matches no syscall, names no family or
     *                      kind, or when the selection leaves nothing to trace
     */
    public List<Syscall> select(Collection<String> patterns) {
        List<SyscallPattern> includes = new ArrayList<>();
        List<SyscallPattern> excludes = new ArrayList<>();
        for (String text : patterns) {
            SyscallPattern pattern = SyscallPattern.parse(text);
            if (syscalls.stream().noneMatch(pattern::matches)) {
                throw new IorException("no syscall matches '" + text.substring(pattern.isExclusion() ? 1 : 0)
                        + "' (names as in tracefs, e.g. openat, newfstatat, io_uring:read; globs like open* work)",
                        IorException.USAGE_ERROR, null);
            }
            (pattern.isExclusion() ? excludes : includes).add(pattern);
        }
        List<Syscall> selected = syscalls.stream()
                .filter(s -> includes.isEmpty() ? s.tracedByDefault() : includes.stream().anyMatch(p -> p.matches(s)))
                .filter(s -> excludes.stream().noneMatch(p -> p.matches(s)))
                .toList();
        if (selected.isEmpty()) {
            throw new IorException("the syscall selection " + String.join(",", patterns) + " leaves nothing to trace",
                    IorException.USAGE_ERROR, null);
        }
        return selected;
    }

    /** The syscalls traced when a session selects none, in table order. */
    public List<Syscall> defaults() {
        return syscalls.stream().filter(Syscall::tracedByDefault).toList();
    }

    /** The syscall named {@code name}. */
    public Optional<Syscall> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The syscall with ior's dense index {@code id}. */
    public Syscall byId(int id) {
        return syscalls.get(id);
    }

    /** How many syscalls the table holds. */
    public int size() {
        return syscalls.size();
    }

    private static SyscallTable load() {
        String arch = System.getProperty("os.arch");
        if (!arch.equals("amd64") && !arch.equals("x86_64")) {
            throw new IorException("ior supports x86_64 only so far; this JVM reports " + arch);
        }
        return parse(rows(RESOURCE), notTracedByDefault().keySet());
    }

    /**
     * The syscalls ior does not trace by default, with the reason for each, from
     * {@code bpf-src/syscalls-ignored.tsv}, in file order.
     */
    public static Map<String, String> notTracedByDefault() {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String[] cols : rows(NOT_DEFAULT)) {
            reasons.put(cols[0], cols.length > 1 ? cols[1] : "");
        }
        return reasons;
    }

    /** The tab-separated rows of a table resource, without comments and the header line. */
    private static List<String[]> rows(String resource) {
        try (InputStream in = SyscallTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the ior-core jar");
            }
            return rowsOf(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String[]> rowsOf(String text) {
        List<String[]> rows = new ArrayList<>();
        boolean header = true;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) { // the column names
                header = false;
                continue;
            }
            rows.add(line.split("\t", -1));
        }
        return rows;
    }

    /** A table from the text of a syscalls.tsv (tests add rows to ior's own). */
    static SyscallTable parse(String text) {
        return parse(rowsOf(text), notTracedByDefault().keySet());
    }

    private static SyscallTable parse(List<String[]> rows, Set<String> notDefault) {
        List<Syscall> syscalls = new ArrayList<>();
        for (String[] cols : rows) {
            if (cols.length != 6) {
                throw new IllegalStateException(RESOURCE + ": " + cols[0] + ": expected 6 columns");
            }
            SyscallFamily family = SyscallFamily.byLabel(cols[2]).orElseThrow(
                    () -> new IllegalStateException(RESOURCE + ": " + cols[0] + ": unknown family " + cols[2]));
            List<ArgRole> args = cols[4].isEmpty() ? List.of()
                    : Arrays.stream(cols[4].split(",")).map(ArgRole::of).toList();
            syscalls.add(new Syscall(syscalls.size(), cols[0], Integer.parseInt(cols[1]), family,
                    SyscallClass.valueOf(cols[3].toUpperCase(Locale.ROOT)), args, Effect.of(cols[5]),
                    !notDefault.contains(cols[0])));
        }
        return new SyscallTable(syscalls);
    }
}
