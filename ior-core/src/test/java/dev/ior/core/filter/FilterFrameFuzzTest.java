package dev.ior.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ior.core.text.Utf8Escaper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Filter text from anywhere (a dashboard prompt, {@code ior export --filter}, the API):
 * generated frames, near-frames and garbage are either read (and then read back the
 * same from their own text) or refused with a {@link FilterSyntaxException} naming a
 * position inside the text, on one line. Nothing else escapes. Seeded, time-bounded;
 * {@code -Dior.fuzz.seed=N} replays a run.
 */
class FilterFrameFuzzTest {

    private static final List<String> FIELDS = List.of("comm", "pid", "tid", "syscall", "file", "path", "latency",
            "gap", "bytes", "ret", "fd", "COMM", "Latency", "", "x", "commm", "fïle", "ßyscall", "pid2", "🙂");
    private static final List<String> OPERATORS = List.of("~", "=~", "=", "!=", ">", "<", ">=", "<=", "==", "=>",
            "<>", "!", "!~", "~=", "", " ", "=~=~", ">>");
    private static final List<String> PIECES = List.of("bash", "5ms", "1.5us", "2µs", "10s", "3m", "1e9", "0x10",
            "-1", "-", ".", "..", "1.2.3ms", "99999999999999999999", "9223372036854775807", "-9223372036854775808",
            "18446744073709551616s", " ", "\t", "\n", "\r", "\u0000", "\u0001", "\u007f", "\u00ff", "\ud800", "\udc00",
            "\ud83d\ude42", "(", ")", "[", "]", "{", "}", "{2,}", "{,", "*", "+", "?", "|", "^", "$", "\\", "\\Q",
            "\\E", "\\p{", "\\k<a>", "(?<a>", "(?i)", "(?", "[^", "[a-", "\\u12", "\\x{110000}", "/usr/lib",
            "\\xff", ",", "\"", "'", "%s", "%n");

    @Test
    void filterTextIsReadOrRefusedWithAPositionNeverAnythingElse() {
        long seed = Long.getLong("ior.fuzz.seed", 0x5eed_f117L);
        Random random = new Random(seed);
        long deadline = System.nanoTime() + 3_000_000_000L;
        int read = 0;
        int refused = 0;
        for (int round = 0; System.nanoTime() < deadline || round < 1000; round++) {
            String text = switch (random.nextInt(4)) {
                case 0 -> frame(random);
                case 1 -> mutate(frame(random), random);
                case 2 -> soup(random);
                default -> nested(random);
            };
            try {
                FilterFrame frame = FilterFrame.parse(text);
                assertEquals(frame, FilterFrame.parse(frame.text()), "read back from its own text: " + shown(text));
                exercise(frame, random);
                read++;
            } catch (FilterSyntaxException refusal) {
                assertTrue(refusal.position() >= 1 && refusal.position() <= text.length() + 1,
                        "position " + refusal.position() + " outside " + shown(text));
                assertTrue(refusal.getMessage().chars().noneMatch(Character::isISOControl),
                        "one printable line: " + shown(refusal.getMessage()));
                refused++;
            } catch (RuntimeException | StackOverflowError e) {
                fail("seed " + seed + " round " + round + ": " + shown(text) + " threw " + e, e);
            }
        }
        assertTrue(read > 100 && refused > 100, "read " + read + ", refused " + refused);
    }

    /** A frame made of known and unknown parts. */
    private static String frame(Random random) {
        return pick(FIELDS, random) + (random.nextBoolean() ? "" : " ") + pick(OPERATORS, random)
                + (random.nextBoolean() ? "" : " ") + value(random);
    }

    private static String value(Random random) {
        StringBuilder value = new StringBuilder();
        for (int n = random.nextInt(4); n >= 0; n--) {
            value.append(random.nextInt(3) == 0 ? Long.toString(random.nextLong() >> random.nextInt(64))
                    : pick(PIECES, random));
        }
        return value.toString();
    }

    /** A frame with characters inserted, dropped or replaced. */
    private static String mutate(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            int at = out.isEmpty() ? 0 : random.nextInt(out.length());
            switch (random.nextInt(3)) {
                case 0 -> out.insert(at, (char) random.nextInt(0x3000));
                case 1 -> {
                    if (!out.isEmpty()) {
                        out.deleteCharAt(at);
                    }
                }
                default -> {
                    if (!out.isEmpty()) {
                        out.setCharAt(at, (char) random.nextInt(0x80));
                    }
                }
            }
        }
        return out.toString();
    }

    /** Random characters, ASCII-heavy. */
    private static String soup(Random random) {
        StringBuilder out = new StringBuilder();
        for (int n = random.nextInt(40); n > 0; n--) {
            out.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x10000) : random.nextInt(0x80)));
        }
        return out.toString();
    }

    /** Regular expressions nested deep or repeated long: what stresses the regex compiler. */
    private static String nested(Random random) {
        int depth = 1 + random.nextInt(random.nextInt(10) == 0 ? 20_000 : 50);
        String open = pick(List.of("(", "(?:", "[", "(?=", "(a|"), random);
        String close = pick(List.of(")", "]", ")*", ")+?", "){1,3}", ""), random);
        return pick(List.of("file=~", "comm=~", "syscall=~", "path =~ "), random) + open.repeat(depth) + "x"
                + close.repeat(random.nextInt(depth + 1));
    }

    /** The frame tests texts and numbers without failing. */
    private static void exercise(FilterFrame frame, Random random) {
        if (frame.field().type() == FilterField.Type.TEXT) {
            frame.test(soup(random));
            frame.test("/usr/lib/x86_64-linux-gnu/libc.so.6");
        } else {
            frame.test(random.nextLong());
        }
    }

    private static <T> T pick(List<T> options, Random random) {
        return options.get(random.nextInt(options.size()));
    }

    /** The text with control characters and bad UTF-16 escaped, to print it. */
    private static String shown(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String escaped = Utf8Escaper.decode(java.lang.foreign.MemorySegment.ofArray(bytes), 0, bytes.length);
        return "\"" + (escaped.length() > 300 ? escaped.substring(0, 300) + "..." : escaped) + "\"";
    }
}
