package dev.ior.bpf.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The few libc calls ior-bpf makes besides libbpf's, bound by hand because each needs
 * errno: the handles capture it ({@code captureCallState}) so a failure can say why.
 * Every method throws {@link SysException} on failure.
 */
public final class Libc {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    /** PROT_READ. */
    public static final int PROT_READ = 1;
    /** PROT_WRITE. */
    public static final int PROT_WRITE = 2;
    /** MAP_SHARED. */
    public static final int MAP_SHARED = 1;
    /** EPOLLIN. */
    public static final int EPOLLIN = 1;
    /** EPOLL_CTL_ADD. */
    public static final int EPOLL_CTL_ADD = 1;
    /** EPOLL_CLOEXEC. */
    public static final int EPOLL_CLOEXEC = 02000000;
    /** EINTR. */
    public static final int EINTR = 4;
    /** CLOCK_REALTIME. */
    public static final int CLOCK_REALTIME = 0;
    /** CLOCK_BOOTTIME. */
    public static final int CLOCK_BOOTTIME = 7;

    /** struct epoll_event is packed on x86_64: u32 events, u64 data at offset 4. */
    public static final long EPOLL_EVENT_SIZE = 12;

    private static final MethodHandle MMAP = handle("mmap", FunctionDescriptor.of(ValueLayout.ADDRESS,
            ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
    private static final MethodHandle MUNMAP = handle("munmap",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    private static final MethodHandle EPOLL_CREATE1 = handle("epoll_create1",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle EPOLL_CTL = handle("epoll_ctl", FunctionDescriptor.of(
            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
            ValueLayout.ADDRESS));
    private static final MethodHandle EPOLL_WAIT = handle("epoll_wait", FunctionDescriptor.of(
            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT));
    private static final MethodHandle CLOSE = handle("close",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle MOUNT = handle("mount", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
            ValueLayout.ADDRESS));
    private static final MethodHandle UMOUNT2 = handle("umount2",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    private static final int MNT_DETACH = 2;
    private static final MethodHandle GETEUID = LINKER.downcallHandle(
            LINKER.defaultLookup().find("geteuid").orElseThrow(), FunctionDescriptor.of(ValueLayout.JAVA_INT));
    private static final MethodHandle CLOCK_GETTIME = handle("clock_gettime",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(
            LINKER.defaultLookup().find("strerror").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    private static final MethodHandle SYSCONF = LINKER.downcallHandle(
            LINKER.defaultLookup().find("sysconf").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
    private static final int SC_PAGESIZE = 30;
    private static final MethodHandle VSNPRINTF = LINKER.downcallHandle(
            LINKER.defaultLookup().find("vsnprintf").orElseThrow(), FunctionDescriptor.of(
                    ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS,
                    ValueLayout.ADDRESS));

    private Libc() {
    }

    /** mmap(2) of {@code length} bytes of {@code fd} at {@code offset}, as a segment of that size. */
    public static MemorySegment mmap(long length, int prot, int flags, int fd, long offset) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            MemorySegment address = (MemorySegment) MMAP.invokeExact(state, MemorySegment.NULL, length, prot,
                    flags, fd, offset);
            if (address.address() == -1L) {
                throw new SysException("mmap", errno(state));
            }
            return address.reinterpret(length);
        } catch (SysException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** munmap(2) of {@code length} bytes at {@code address}. */
    public static void munmap(long address, long length) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            int rc = (int) MUNMAP.invokeExact(state, MemorySegment.ofAddress(address), length);
            check("munmap", rc, state);
        } catch (SysException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** epoll_create1(2). */
    public static int epollCreate() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            int fd = (int) EPOLL_CREATE1.invokeExact(state, EPOLL_CLOEXEC);
            return check("epoll_create1", fd, state);
        } catch (SysException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** epoll_ctl(EPOLL_CTL_ADD) of {@code fd} for EPOLLIN. */
    public static void epollAdd(int epollFd, int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            MemorySegment event = arena.allocate(EPOLL_EVENT_SIZE, 4);
            event.set(ValueLayout.JAVA_INT, 0, EPOLLIN);
            int rc = (int) EPOLL_CTL.invokeExact(state, epollFd, EPOLL_CTL_ADD, fd, event);
            check("epoll_ctl", rc, state);
        } catch (SysException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /**
     * epoll_wait(2) into {@code events} (room for {@code max} entries); returns the
     * count, 0 on timeout or when a signal interrupted the wait.
     */
    public static int epollWait(int epollFd, MemorySegment events, int max, int timeoutMs,
                                MemorySegment captureState) {
        try {
            int n = (int) EPOLL_WAIT.invokeExact(captureState, epollFd, events, max, timeoutMs);
            if (n < 0) {
                int errno = errno(captureState);
                if (errno == EINTR) {
                    return 0;
                }
                throw new SysException("epoll_wait", errno);
            }
            return n;
        } catch (SysException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** A segment to pass as epollWait's capture state, reusable by one thread. */
    public static MemorySegment allocateCaptureState(Arena arena) {
        return arena.allocate(CAPTURE);
    }

    /** close(2); errors are ignored (nothing left to do about them). */
    public static void close(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            int ignored = (int) CLOSE.invokeExact(arena.allocate(CAPTURE), fd);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** mount(2) of a pseudo file system ({@code source} = {@code type}) at {@code target}. */
    public static void mount(String type, String target) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            MemorySegment typeText = arena.allocateFrom(type);
            int rc = (int) MOUNT.invokeExact(state, typeText, arena.allocateFrom(target), typeText, 0L,
                    MemorySegment.NULL);
            check("mount", rc, state);
        } catch (SysException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** umount2(2) with MNT_DETACH: {@code target} goes now, its users keep it until they let go. */
    public static void unmount(String target) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            int rc = (int) UMOUNT2.invokeExact(state, arena.allocateFrom(target), MNT_DETACH);
            check("umount2", rc, state);
        } catch (SysException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** geteuid(2). */
    public static int geteuid() {
        try {
            return (int) GETEUID.invokeExact();
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** clock_gettime(2) in nanoseconds. */
    public static long clockNanos(int clock) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            MemorySegment ts = arena.allocate(16, 8);
            int rc = (int) CLOCK_GETTIME.invokeExact(state, clock, ts);
            check("clock_gettime", rc, state);
            return ts.get(ValueLayout.JAVA_LONG, 0) * 1_000_000_000L + ts.get(ValueLayout.JAVA_LONG, 8);
        } catch (SysException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** The memory page size: sysconf(_SC_PAGESIZE). */
    public static long pageSize() {
        try {
            return (long) SYSCONF.invokeExact(SC_PAGESIZE);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** strerror(3). */
    public static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.reinterpret(Long.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** vsnprintf(3): formats a C format string with a va_list into a Java string. */
    public static String vformat(MemorySegment format, MemorySegment vaList) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(1024);
            int n = (int) VSNPRINTF.invokeExact(buffer, 1024L, format, vaList);
            return n < 0 ? "" : buffer.getString(0);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    private static int check(String call, int rc, MemorySegment state) {
        if (rc < 0) {
            throw new SysException(call, errno(state));
        }
        return rc;
    }

    private static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    private static MethodHandle handle(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), descriptor,
                CAPTURE_ERRNO);
    }
}
