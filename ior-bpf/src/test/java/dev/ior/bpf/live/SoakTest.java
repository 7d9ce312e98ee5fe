package dev.ior.bpf.live;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.Footprint;
import dev.ior.core.IorSession;
import dev.ior.core.testing.IoHelper;
import dev.ior.core.testing.RequiresRoot;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long run over a live host: short-lived processes one after the other, each making
 * ten files of its own (every path unique over the run), traced with the dashboard's
 * aggregations. The Java heap after a collection, the memory outside the heap, what the
 * session holds and the kernel maps are sampled; after a warm-up none of them may grow.
 *
 * <p>{@code -Dior.soak.seconds=N} sets the length: 60 by default (CI), 3600 for the
 * hour-long run ({@code ./mvnw -B verify -pl ior-bpf -am -Dtest=SoakTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dior.soak.seconds=3600}). The module's test
 * JVM has a fixed, pre-touched heap (ior-bpf/pom.xml), so the resident set minus the
 * heap is the memory outside it: native allocations, mappings, thread stacks, code.
 */
@RequiresRoot
class SoakTest {

    private static final int SECONDS = Integer.getInteger("ior.soak.seconds", 60);
    private static final int SAMPLES = 12;
    private static final long MB = 1L << 20;

    /** One sample of everything that must stay flat. */
    private record Sample(long second, long heapAfterGc, long outsideHeap, Footprint footprint, long events,
                          long lost) {

        String line() {
            return String.format("%5d s  heap %4d MB  outside heap %4d MB  processes %5d  paths %7d  comms %4d"
                            + "  collections %3d  keys %6d  kernel maps %s  events %9d  lost %d", second,
                    heapAfterGc / MB, outsideHeap / MB, footprint.processes(), footprint.paths(), footprint.comms(),
                    footprint.collections(), footprint.analysisKeys(), footprint.kernelMapEntries(), events, lost);
        }
    }

    @Test
    void memoryStaysFlatOverALongRunOfManyProcessesAndUniquePaths(@TempDir Path dir) throws Exception {
        List<Sample> samples = new ArrayList<>();
        try (IoHelper helper = IoHelper.start("soak", dir.toString(), Integer.toString(SECONDS));
             IorSession session = IorSession.builder().build()) {
            session.startAsync();
            long start = System.nanoTime();
            CompletableFuture<Void> workload = CompletableFuture.runAsync(() -> run(helper));
            for (int i = 1; i <= SAMPLES; i++) {
                long due = start + TimeUnit.SECONDS.toNanos((long) SECONDS * i / SAMPLES);
                Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(due - System.nanoTime())));
                Sample sample = sample(session, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
                samples.add(sample);
                System.out.println("soak " + sample.line());
            }
            workload.get(60, TimeUnit.SECONDS);
            System.out.println("soak: " + helper.fact("processes") + " processes, " + helper.fact("processes") * 10
                    + " unique paths in " + SECONDS + " s");
        }
        Sample warm = samples.get(SAMPLES / 3 - 1);
        List<Sample> later = samples.subList(SAMPLES / 3, SAMPLES);
        long heap = later.stream().mapToLong(Sample::heapAfterGc).max().orElseThrow();
        long outside = later.stream().mapToLong(Sample::outsideHeap).max().orElseThrow();
        int processes = later.stream().mapToInt(s -> s.footprint().processes()).max().orElseThrow();
        int paths = later.stream().mapToInt(s -> s.footprint().paths()).max().orElseThrow();
        long kernel = later.stream().mapToLong(s -> s.footprint().kernelMapEntries().values().stream()
                .mapToLong(Long::longValue).sum()).max().orElseThrow();
        Sample last = samples.getLast();
        assertAll(
                () -> assertTrue(last.footprint().collections() >= 2, "the interners freed unused paths: "
                        + last.footprint().collections()),
                () -> assertTrue(heap <= warm.heapAfterGc() + 24 * MB, "heap after GC grew from "
                        + warm.heapAfterGc() / MB + " MB after warm-up to " + heap / MB + " MB"),
                () -> assertTrue(outside <= warm.outsideHeap() + 48 * MB, "memory outside the heap grew from "
                        + warm.outsideHeap() / MB + " MB to " + outside / MB + " MB"),
                () -> assertTrue(processes <= warm.footprint().processes() + 100, "fd tables grew from "
                        + warm.footprint().processes() + " to " + processes),
                () -> assertTrue(paths <= Math.max(2 * warm.footprint().paths(), 140_000),
                        "interned paths grew from " + warm.footprint().paths() + " to " + paths),
                () -> assertTrue(kernel <= 100, "kernel hash-map entries: " + kernel));
    }

    private static void run(IoHelper helper) {
        try {
            helper.go();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Sample sample(IorSession session, long second) throws IOException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heap = memory.getHeapMemoryUsage().getUsed();
        long committed = memory.getHeapMemoryUsage().getCommitted();
        return new Sample(second, heap, residentBytes() - committed, session.footprint(), session.counters().events(),
                session.counters().lostKernel());
    }

    /** The JVM's resident set (VmRSS of /proc/self/status). */
    private static long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }
}
