package dev.ior.bpf.libbpf;

import dev.ior.bpf.ffi.Libbpf;
import dev.ior.bpf.ffi.bpf_object_open_opts;
import dev.ior.bpf.sys.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A BPF object through libbpf's lifecycle: open from memory, adjust maps (read-only
 * settings, sizes), load, attach every program, and close (links first). Owns the
 * native memory libbpf keeps pointers into.
 */
public final class BpfObject implements AutoCloseable {

    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    /** libbpf returns NULL and sets errno from these: bind them with errno capture. */
    private static final MethodHandle OPEN_MEM = withErrno(Libbpf.bpf_object__open_mem$address(),
            Libbpf.bpf_object__open_mem$descriptor());
    private static final MethodHandle ATTACH = withErrno(Libbpf.bpf_program__attach$address(),
            Libbpf.bpf_program__attach$descriptor());

    private final Arena arena = Arena.ofShared();
    private final MemorySegment object;
    private final List<MemorySegment> links = new ArrayList<>();
    private final Set<String> disabled = new HashSet<>();
    /** Holds the ELF buffer, which libbpf reads until load. */
    private Arena openArena;
    private boolean closed;

    private BpfObject(MemorySegment object, Arena openArena) {
        this.object = object;
        this.openArena = openArena;
    }

    /** Opens an ELF BPF object held in {@code elf}, naming it {@code name}. */
    public static BpfObject open(byte[] elf, String name) {
        LibbpfLog.install();
        LibbpfLog.clear();
        Arena arena = Arena.ofShared();
        try {
            MemorySegment buffer = arena.allocate(elf.length, 8);
            MemorySegment.copy(elf, 0, buffer, ValueLayout.JAVA_BYTE, 0, elf.length);
            MemorySegment opts = arena.allocate(bpf_object_open_opts.layout());
            bpf_object_open_opts.sz(opts, bpf_object_open_opts.layout().byteSize());
            bpf_object_open_opts.object_name(opts, arena.allocateFrom(name));
            MemorySegment state = arena.allocate(CAPTURE);
            MemorySegment object = (MemorySegment) OPEN_MEM.invokeExact(state, buffer, (long) elf.length, opts);
            if (object.equals(MemorySegment.NULL)) {
                throw new BpfException("libbpf could not open ior's BPF object: "
                        + reason((int) ERRNO.get(state, 0L)));
            }
            return new BpfObject(object, arena);
        } catch (BpfException e) {
            arena.close();
            throw e;
        } catch (Throwable t) {
            arena.close();
            throw new AssertionError(t);
        }
    }

    /** Sets the initial value of a (read-only) data map before load. */
    public void setInitialValue(String mapName, MemorySegment value) {
        int rc = Libbpf.bpf_map__set_initial_value(map(mapName), value, value.byteSize());
        if (rc != 0) {
            throw new BpfException("cannot set " + mapName + ": " + reason(-rc));
        }
    }

    /** Sets a map's size before load. */
    public void setMaxEntries(String mapName, long entries) {
        int rc = Libbpf.bpf_map__set_max_entries(map(mapName), (int) entries);
        if (rc != 0) {
            throw new BpfException("cannot size " + mapName + " to " + entries + ": " + reason(-rc));
        }
    }

    /** Leaves program {@code name} out of load and attach (before load). */
    public void disableProgram(String name) {
        try (Arena temp = Arena.ofConfined()) {
            MemorySegment prog = Libbpf.bpf_object__find_program_by_name(object, temp.allocateFrom(name));
            if (prog.equals(MemorySegment.NULL)) {
                throw new BpfException("ior's BPF object has no program " + name);
            }
            int rc = Libbpf.bpf_program__set_autoload(prog, false);
            if (rc != 0) {
                throw new BpfException("cannot leave out " + name + ": " + reason(-rc));
            }
            disabled.add(name);
        }
    }

    /** Loads every program into the kernel (verification happens here). */
    public void load() {
        LibbpfLog.clear();
        int rc = Libbpf.bpf_object__load(object);
        openArena.close();
        openArena = null;
        if (rc != 0) {
            throw new BpfException("the kernel refused ior's BPF programs: " + reason(-rc));
        }
    }

    /** Attaches every program where its section name says; returns the program names. */
    public List<String> attachAll() {
        List<String> names = new ArrayList<>();
        MemorySegment prog = MemorySegment.NULL;
        while (!(prog = Libbpf.bpf_object__next_program(object, prog)).equals(MemorySegment.NULL)) {
            String name = Libbpf.bpf_program__name(prog).reinterpret(Long.MAX_VALUE).getString(0);
            if (disabled.contains(name)) {
                continue;
            }
            LibbpfLog.clear();
            try {
                MemorySegment state = arena.allocate(CAPTURE);
                MemorySegment link = (MemorySegment) ATTACH.invokeExact(state, prog);
                if (link.equals(MemorySegment.NULL)) {
                    throw new BpfException("cannot attach " + name + ": " + reason((int) ERRNO.get(state, 0L)));
                }
                links.add(link);
                names.add(name);
            } catch (BpfException e) {
                throw e;
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
        }
        return names;
    }

    /** The fd of a loaded map. */
    public int mapFd(String mapName) {
        int fd = Libbpf.bpf_map__fd(map(mapName));
        if (fd < 0) {
            throw new BpfException("map " + mapName + " is not loaded");
        }
        return fd;
    }

    /** Detaches every program and frees the object; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (MemorySegment link : links) {
            Libbpf.bpf_link__destroy(link);
        }
        links.clear();
        Libbpf.bpf_object__close(object);
        if (openArena != null) {
            openArena.close();
        }
        arena.close();
    }

    private MemorySegment map(String name) {
        try (Arena temp = Arena.ofConfined()) {
            MemorySegment map = Libbpf.bpf_object__find_map_by_name(object, temp.allocateFrom(name));
            if (map.equals(MemorySegment.NULL)) {
                throw new BpfException("ior's BPF object has no map " + name);
            }
            return map;
        }
    }

    /** errno's text, with libbpf's own last warning when it said more. */
    static String reason(int errno) {
        String warning = LibbpfLog.lastWarning();
        String text = Libc.strerror(errno);
        return warning.isEmpty() ? text : text + " (" + warning + ")";
    }

    private static MethodHandle withErrno(MemorySegment address, FunctionDescriptor descriptor) {
        return Linker.nativeLinker().downcallHandle(address, descriptor, Linker.Option.captureCallState("errno"));
    }
}
