package dev.ior.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.syscall.Syscall;
import dev.ior.core.syscall.SyscallTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplingTest {

    private static Syscall syscall(String name) {
        return SyscallTable.builtIn().byName(name).orElseThrow();
    }

    @Test
    void aSyscallsOwnRateWinsOverItsFamilysAndTheRestIsEveryCall() {
        Map<String, Integer> rates = new LinkedHashMap<>();
        rates.put("sendto", 0);
        rates.put("family:Network", 10);
        rates.put("pread*", 100);
        Sampling sampling = new Sampling(rates);
        assertEquals(0, sampling.rateOf(syscall("sendto")), "named, though its family comes later");
        assertEquals(10, sampling.rateOf(syscall("recvfrom")));
        assertEquals(100, sampling.rateOf(syscall("pread64")));
        assertEquals(1, sampling.rateOf(syscall("read")));
        assertEquals("sendto=0,family:Network=10,pread*=100", sampling.describe());
        assertEquals(List.of("pread64", "preadv", "preadv2", "sendto", "recvfrom"),
                sampling.sampled(List.of(syscall("pread64"), syscall("preadv"), syscall("preadv2"), syscall("read"),
                        syscall("sendto"), syscall("recvfrom"))).stream().map(Syscall::name).toList());
        assertFalse(sampling.everyCall());
        assertTrue(Sampling.EVERY_CALL.everyCall());
        assertEquals(1, sampling.with("family:Network", 1).rateOf(syscall("recvfrom")));
    }

    @Test
    void badRatesAndPatternsAreUsageErrors() {
        assertEquals(IorException.USAGE_ERROR, assertThrows(IorException.class,
                () -> new Sampling(Map.of("read", -1))).exitCode());
        assertEquals("no syscall matches 'nosuch' to sample",
                assertThrows(IorException.class, () -> new Sampling(Map.of("nosuch", 5))).getMessage());
        assertEquals("sampling takes no exclusion: !read",
                assertThrows(IorException.class, () -> new Sampling(Map.of("!read", 5))).getMessage());
    }
}
