package dev.ior.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.IorException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FilterFrameTest {

    @Test
    void tildeIsCaseInsensitiveSubstring() {
        FilterFrame frame = FilterFrame.parse("comm~BaSh");
        assertEquals(FilterField.COMM, frame.field());
        assertEquals(FilterOperator.CONTAINS, frame.operator());
        assertTrue(frame.test("bash"));
        assertTrue(frame.test("xBASHy"));
        assertFalse(frame.test("bas"));
    }

    @Test
    void equalsIsExactOnText() {
        FilterFrame frame = FilterFrame.parse("comm=bash");
        assertTrue(frame.test("bash"));
        assertFalse(frame.test("Bash"));
        assertFalse(frame.test("bash2"));
        assertTrue(FilterFrame.parse("comm!=bash").test("zsh"));
        assertFalse(FilterFrame.parse("comm!=bash").test("bash"));
    }

    @Test
    void aRegexThatWouldBacktrackForeverGivesUpAndCountsItAsNoMatch() {
        FilterFrame frame = FilterFrame.parse("file=~^((a+)+)+$");
        long start = System.nanoTime();
        assertFalse(frame.test("a".repeat(60) + "!")); // more ways to split the a's than time
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "gave up in bounded time");
        assertEquals(1, frame.regexGiveUps());
        assertTrue(frame.test("aaaa"), "an ordinary text still matches");
        assertEquals(1, frame.regexGiveUps());
    }

    @Test
    void regexIsFoundAnywhereAndAnchorsWork() {
        FilterFrame frame = FilterFrame.parse("file=~^/usr/.*\\.so");
        assertEquals(FilterOperator.MATCHES, frame.operator());
        assertTrue(frame.test("/usr/lib/libc.so.6"));
        assertFalse(frame.test("/opt/usr/lib/libc.so"));
        assertTrue(FilterFrame.parse("syscall=~read").test("pread64"));
    }

    @Test
    void pathIsASynonymOfFileAndRendersAsWritten() {
        FilterFrame frame = FilterFrame.parse("path~/var/lib");
        assertEquals(FilterField.FILE, frame.field());
        assertEquals("path~/var/lib", frame.text());
        assertEquals(FilterFrame.parse("file~/var/lib"), frame);
        assertTrue(frame.test("/VAR/LIB/x"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "latency>=5ms, 5000000, 4999999",
        "latency>=5us, 5000, 4999",
        "latency>=5µs, 5000, 4999",
        "latency>=5ns, 5, 4",
        "latency>=5, 5, 4",
        "latency>=2s, 2000000000, 1999999999",
        "latency>=1.5ms, 1500000, 1499999",
        "gap>=10us, 10000, 9999",
    })
    void timesTakeUnits(String text, long lowestPassing, long highestFailing) {
        FilterFrame frame = FilterFrame.parse(text);
        assertTrue(frame.test(lowestPassing));
        assertFalse(frame.test(highestFailing));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "pid=1234, 1234, true", "pid=1234, 1235, false",
        "pid!=1234, 1234, false", "pid!=1234, 7, true",
        "tid>10, 11, true", "tid>10, 10, false",
        "fd<3, 2, true", "fd<3, 3, false",
        "bytes>=4096, 4096, true", "bytes>=4096, 4095, false",
        "bytes<=0, 0, true", "bytes<=0, 1, false",
        "ret=-2, -2, true", "ret<0, 0, false",
        "latency>1ms, 1000001, true", "latency>1ms, 1000000, false",
        "latency<1ms, 999999, true", "latency<=1ms, 1000000, true",
        "latency=1ms, 1000000, true", "latency!=1ms, 1000000, false",
    })
    void everyComparisonOperator(String text, long value, boolean passes) {
        assertEquals(passes, FilterFrame.parse(text).test(value));
    }

    @Test
    void spacesAroundTheOperatorAreAllowedAndDropped() {
        FilterFrame frame = FilterFrame.parse("  latency >=  5ms");
        assertEquals("latency>=5ms", frame.text());
        assertTrue(frame.test(5_000_000));
    }

    @Test
    void anExactFrameFromACellRendersAsAnEqualsFrame() {
        assertEquals("comm=bash", FilterFrame.exact(FilterField.COMM, "bash").text());
        assertEquals("file=/etc/hosts", FilterFrame.exact(FilterField.FILE, "/etc/hosts").text());
        assertEquals("pid=1234", FilterFrame.exact(FilterField.PID, "1234").text());
        FilterFrame odd = FilterFrame.exact(FilterField.FILE, "/tmp/a b~c=d");
        assertTrue(odd.test("/tmp/a b~c=d"));
        assertEquals(odd, FilterFrame.parse(odd.text()));
    }

    @Test
    void onlyPidTidSyscallCommAndFileAreKeyFrames() {
        for (String key : new String[] {"comm=a", "pid=1", "tid=1", "syscall=read", "file=/a", "path=/a"}) {
            assertTrue(FilterFrame.parse(key).isKeyFrame(), key);
        }
        for (String value : new String[] {"latency>1", "gap>1", "bytes>1", "ret<0", "fd=3"}) {
            assertFalse(FilterFrame.parse(value).isKeyFrame(), value);
        }
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(delimiter = '|', value = {
        "''|1|empty filter",
        "foo=1|1|unknown field \"foo\"",
        "'  foo=1'|3|unknown field \"foo\"",
        "=bash|1|expected a field name",
        "comm|5|expected an operator",
        "comm bash|6|expected an operator",
        "comm>bash|5|comm is text: compare it with ~, =~, = or !=, not >",
        "latency~5ms|8|latency is a number",
        "pid=~12|4|pid is a number",
        "comm~|6|expected a value after ~",
        "latency>=|10|expected a value after >=",
        "latency>=5xs|11|unknown unit \"xs\" (use ns, us, ms or s)",
        "latency>=ms|10|expected a time such as 5ms",
        "latency>=1.2.3ms|10|expected a time such as 5ms",
        "pid=12a|5|pid needs a whole number",
        "file=~a(b|10|bad regular expression (Unclosed group)",
        "file=~*a|7|bad regular expression (Dangling meta character '*')",
    })
    void badTextNamesThePosition(String text, int position, String problem) {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> FilterFrame.parse(text));
        assertEquals(position, e.position(), e.getMessage());
        assertEquals(IorException.USAGE_ERROR, e.exitCode());
        assertTrue(e.getMessage().startsWith("filter \"" + text + "\": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().endsWith(" at position " + position), e.getMessage());
    }
}
