package dev.ior.core.syscall;

import dev.ior.core.IorException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The syscall catalogue: every syscall and io_uring operation ior traces, loaded from
 * the table shared with the BPF side ({@code bpf-src/syscalls.tsv}). Lookups by kernel
 * number are an array index, cheap enough for every event.
 */
public final class SyscallTable {

    private static final String RESOURCE = "syscalls.tsv";
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
     * The syscalls that a list of patterns selects, in table order. A pattern is a name
     * or a glob ({@code *} any run of characters, {@code ?} one: {@code open*},
     * {@code io_uring:*}); one starting with {@code !} excludes what it matches. No
     * including pattern selects everything; exclusions apply last.
     *
     * @throws IorException (usage) when a pattern matches no syscall ior traces
     */
    public List<Syscall> select(Collection<String> patterns) {
        List<Predicate<String>> includes = new ArrayList<>();
        List<Predicate<String>> excludes = new ArrayList<>();
        for (String pattern : patterns) {
            boolean exclude = pattern.startsWith("!");
            String glob = exclude ? pattern.substring(1) : pattern;
            Predicate<String> matcher = glob(glob);
            if (syscalls.stream().map(Syscall::name).noneMatch(matcher)) {
                throw new IorException("no syscall ior traces matches '" + glob + "' (names as in tracefs, e.g. "
                        + "openat, newfstatat, io_uring:read; globs like open* work)", IorException.USAGE_ERROR, null);
            }
            (exclude ? excludes : includes).add(matcher);
        }
        return syscalls.stream()
                .filter(s -> includes.isEmpty() || includes.stream().anyMatch(m -> m.test(s.name())))
                .filter(s -> excludes.stream().noneMatch(m -> m.test(s.name())))
                .toList();
    }

    private static Predicate<String> glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString()).asMatchPredicate();
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
        try (InputStream in = SyscallTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the ior-core jar");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SyscallTable parse(BufferedReader reader) throws IOException {
        List<Syscall> rows = new ArrayList<>();
        String line;
        boolean header = true;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) { // the column names
                header = false;
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length != 5) {
                throw new IllegalStateException(RESOURCE + ":" + lineNo + ": expected 5 columns");
            }
            List<ArgRole> args = cols[3].isEmpty() ? List.of()
                    : Arrays.stream(cols[3].split(",")).map(ArgRole::of).toList();
            rows.add(new Syscall(rows.size(), cols[0], Integer.parseInt(cols[1]),
                    SyscallClass.valueOf(cols[2].toUpperCase(java.util.Locale.ROOT)), args,
                    Effect.of(cols[4])));
        }
        return new SyscallTable(rows);
    }
}
