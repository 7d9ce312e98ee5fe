package dev.ior.tui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IcicleLayoutTest {

    @Test
    void eachDepthIsARowAndWidthsFollowTheSums() {
        Map<String, Long> weights = new LinkedHashMap<>();
        weights.put("/etc/hosts", 40L);
        weights.put("/usr/lib/libc.so", 20L);
        weights.put("/usr/lib/libm.so", 10L);
        weights.put("/tmp/a", 10L);
        weights.put("(no file)", 20L);
        List<IcicleLayout.Box> boxes = IcicleLayout.layout(weights, 100);
        assertEquals(List.of(
                new IcicleLayout.Box("/", "/", 0, 0, 80, 80),
                new IcicleLayout.Box("(no file)", "(no file)", 0, 80, 20, 20),
                new IcicleLayout.Box("/etc", "etc", 1, 0, 40, 40),
                new IcicleLayout.Box("/usr", "usr", 1, 40, 30, 30),
                new IcicleLayout.Box("/tmp", "tmp", 1, 70, 10, 10),
                new IcicleLayout.Box("/etc/hosts", "hosts", 2, 0, 40, 40),
                new IcicleLayout.Box("/usr/lib", "lib", 2, 40, 30, 30),
                new IcicleLayout.Box("/tmp/a", "a", 2, 70, 10, 10),
                new IcicleLayout.Box("/usr/lib/libc.so", "libc.so", 3, 40, 20, 20),
                new IcicleLayout.Box("/usr/lib/libm.so", "libm.so", 3, 60, 10, 10)), boxes);
    }

    @Test
    void aPathThatIsAlsoADirectoryKeepsItsOwnShareBlank() {
        List<IcicleLayout.Box> boxes = IcicleLayout.layout(Map.of("/d", 10L, "/d/f", 10L, "/z", 0L), 40);
        assertEquals(List.of(new IcicleLayout.Box("/", "/", 0, 0, 40, 20),
                new IcicleLayout.Box("/d", "d", 1, 0, 40, 20),
                new IcicleLayout.Box("/d/f", "f", 2, 0, 20, 10)), boxes);
    }

    @Test
    void nodesNarrowerThanAColumnAreLeftOutWithTheirSubtrees() {
        List<IcicleLayout.Box> boxes = IcicleLayout.layout(Map.of("/big", 1000L, "/tiny/x", 1L), 10);
        assertEquals(List.of(new IcicleLayout.Box("/", "/", 0, 0, 10, 1001),
                new IcicleLayout.Box("/big", "big", 1, 0, 10, 1000)), boxes);
    }
}
