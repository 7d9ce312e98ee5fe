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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The syscall catalogue: every syscall ior traces, loaded from the table shared with
 * the BPF side ({@code bpf-src/syscalls.tsv}). Lookups by kernel number are an array
 * index, cheap enough for every event.
 */
public final class SyscallTable {

    private static final String RESOURCE = "syscalls.tsv";
    private static final SyscallTable BUILT_IN = load();

    private final List<Syscall> syscalls;
    private final Map<String, Syscall> byName;
    private final Syscall[] byNr;

    private SyscallTable(List<Syscall> syscalls) {
        this.syscalls = Collections.unmodifiableList(syscalls);
        this.byName = new LinkedHashMap<>();
        int maxNr = 0;
        for (Syscall s : syscalls) {
            byName.put(s.name(), s);
            maxNr = Math.max(maxNr, s.nr());
        }
        this.byNr = new Syscall[maxNr + 1];
        for (Syscall s : syscalls) {
            byNr[s.nr()] = s;
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
            List<ArgRole> args = Arrays.stream(cols[3].split(",")).map(ArgRole::of).toList();
            rows.add(new Syscall(rows.size(), cols[0], Integer.parseInt(cols[1]),
                    SyscallClass.valueOf(cols[2].toUpperCase(java.util.Locale.ROOT)), args,
                    Effect.of(cols[4])));
        }
        return new SyscallTable(rows);
    }
}
