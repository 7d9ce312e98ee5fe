package dev.ior.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Folded stacks and the SVG flame graph, as files users open. */
class FlameGraphOutputTest {

    private static FoldedStacks sample() {
        FoldedStacks stacks = new FoldedStacks();
        stacks.add(List.of("bash", "openat", "/etc/hosts"), 3);
        stacks.add(List.of("bash", "read", "/etc/hosts"), 5);
        stacks.add(List.of("bash", "openat", "/etc/hosts"), 2); // merged with the first
        stacks.add(List.of("java", "close", ""), 4);            // no file: no empty frame
        stacks.add(List.of("my;app", "write", "/tmp/a;b"), 1);  // ';' inside names
        stacks.add(List.of("idle", "read", "/dev/null"), 0);    // nothing to show
        return stacks;
    }

    @Test
    void foldedLinesAreMergedSortedAndHaveNoEmptyFrames() {
        StringWriter out = new StringWriter();
        sample().writeTo(out);
        assertEquals("""
                bash;openat;/etc/hosts 5
                bash;read;/etc/hosts 5
                java;close 4
                my\\x3bapp;write;/tmp/a\\x3bb 1
                """, out.toString());
    }

    @Test
    void theSvgParsesAsXmlWithEveryFrameItsValueAndProportionalWidths() throws Exception {
        StringWriter out = new StringWriter();
        FlameGraphSvg.render(sample(), "comm/syscall/path <count>", "events", out);
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));

        Map<String, Double> widths = new TreeMap<>();
        List<String> titles = new ArrayList<>();
        NodeList groups = svg.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (!"f".equals(g.getAttribute("class"))) {
                continue;
            }
            String title = g.getElementsByTagName("title").item(0).getTextContent();
            titles.add(title);
            widths.put(title, Double.parseDouble(((Element) g.getElementsByTagName("rect").item(0)).getAttribute("width")));
        }
        assertEquals(List.of(
                "all (15 events, 100.00%)",
                "bash (10 events, 66.67%)",
                "openat (5 events, 33.33%)",
                "/etc/hosts (5 events, 33.33%)",
                "read (5 events, 33.33%)",
                "/etc/hosts (5 events, 33.33%)",
                "java (4 events, 26.67%)",
                "close (4 events, 26.67%)",
                "my\\x3bapp (1 events, 6.67%)",
                "write (1 events, 6.67%)",
                "/tmp/a\\x3bb (1 events, 6.67%)"), titles);
        double all = widths.get("all (15 events, 100.00%)");
        assertEquals(1180.0, all, 0.01);
        assertEquals(all * 10 / 15, widths.get("bash (10 events, 66.67%)"), 0.01);
        assertEquals(all * 4 / 15, widths.get("java (4 events, 26.67%)"), 0.01);
        assertEquals(all / 15, widths.get("write (1 events, 6.67%)"), 0.01);
    }

    @Test
    void labelsAreCutToTheirFrame() {
        assertEquals("/etc/hosts", FlameGraphSvg.label("/etc/hosts", 200));
        assertEquals("/etc/h..", FlameGraphSvg.label("/etc/hosts", 62));
        assertEquals("", FlameGraphSvg.label("/etc/hosts", 20));
    }
}
