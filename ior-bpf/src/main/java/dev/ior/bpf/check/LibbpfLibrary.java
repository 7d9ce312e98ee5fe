package dev.ior.bpf.check;

import dev.ior.bpf.check.PreflightException.Requirement;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads libbpf. By default the system's {@code libbpf.so.1}, found by soname. ior's
 * self-contained bundle ships its own copy and names it with
 * {@code -Dior.libbpf=/path/to/libbpf.so.1}: that file is loaded first, by path, and
 * every later lookup by soname (the generated bindings' too) gets the same library,
 * because the dynamic loader matches the sonames of loaded libraries before it searches
 * the disk. The bundled copy finds its own dependencies (libelf, libz) beside it through
 * its RUNPATH ({@code $ORIGIN}). Unlike LD_LIBRARY_PATH, nothing leaks into the
 * processes ior starts.
 */
public final class LibbpfLibrary {

    /** The system property naming a libbpf.so.1 file to use instead of the system's. */
    public static final String PATH_PROPERTY = "ior.libbpf";
    /** The libbpf soname ior binds. */
    public static final String SONAME = "libbpf.so.1";

    private static SymbolLookup lookup;

    private LibbpfLibrary() {
    }

    /** libbpf's symbols, loading it on first use. */
    static synchronized SymbolLookup lookup() {
        if (lookup == null) {
            lookup = load(System.getProperty(PATH_PROPERTY));
        }
        return lookup;
    }

    /** The file the loaded libbpf was mapped from (symlinks resolved), if it is loaded. */
    public static Optional<Path> file() {
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            return maps.map(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .filter(path -> path.startsWith("/") && Path.of(path).getFileName().toString().startsWith("libbpf.so"))
                    .findFirst()
                    .map(Path::of);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static SymbolLookup load(String path) {
        if (path == null || path.isEmpty()) {
            try {
                return SymbolLookup.libraryLookup(SONAME, Arena.global());
            } catch (IllegalArgumentException e) {
                throw new PreflightException(Requirement.LIBBPF, "libbpf is not installed (" + SONAME + " not found)",
                        "install it with apt-get install libbpf1 (or dnf install libbpf)");
            }
        }
        try {
            return SymbolLookup.libraryLookup(Path.of(path), Arena.global());
        } catch (IllegalArgumentException e) {
            throw new PreflightException(Requirement.LIBBPF, "the libbpf named by -D" + PATH_PROPERTY + " (" + path
                    + ") does not load (" + e.getMessage() + ")", "reinstall ior, or drop -D" + PATH_PROPERTY
                    + " to use the system's libbpf");
        }
    }
}
