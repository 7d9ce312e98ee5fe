package dev.ior.core.filter;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One frame of the filter stack: a field, an operator and a value, written
 * {@code comm~bash}, {@code pid=1234}, {@code latency>=5ms}, {@code file=~^/usr/.*\.so}.
 * Immutable; {@link #text()} gives back the text it was read from (without the
 * optional spaces around the operator).
 *
 * <ul>
 *   <li>{@code ~} case-insensitive substring, {@code =~} regular expression found
 *       anywhere (Java syntax), both on text fields (comm, syscall, file, family);</li>
 *   <li>{@code =} and {@code !=} exact, on every field;</li>
 *   <li>{@code > < >= <=} on numbers (pid, tid, bytes, ret, fd) and times (latency,
 *       gap: a number, decimals allowed, with a unit ns, us, ms or s; none = ns).</li>
 * </ul>
 * {@code path} is a synonym of {@code file}.
 */
public final class FilterFrame {

    /**
     * Characters a regular expression may read per text: a quadratic pattern on the
     * longest path ior copies (1023 bytes) stays well within; exponential backtracking
     * is cut off after a few milliseconds.
     */
    private static final long REGEX_BUDGET = 10_000_000;

    private final FilterField field;
    private final String fieldName;
    private final FilterOperator operator;
    private final String value;
    private final long number;
    private final Pattern pattern;
    private final LongAdder giveUps = new LongAdder();

    private FilterFrame(FilterField field, String fieldName, FilterOperator operator, String value, long number,
                        Pattern pattern) {
        this.field = field;
        this.fieldName = fieldName;
        this.operator = operator;
        this.value = value;
        this.number = number;
        this.pattern = pattern;
    }

    /**
     * Reads one frame.
     *
     * @throws FilterSyntaxException naming the position when the text is not a frame
     */
    public static FilterFrame parse(String text) {
        int at = skipSpaces(text, 0);
        if (at == text.length()) {
            throw new FilterSyntaxException(text, 1, "empty filter (write a field, an operator and a value such as"
                    + " comm~bash)");
        }
        int nameEnd = at;
        while (nameEnd < text.length() && Character.isLetter(text.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = text.substring(at, nameEnd);
        FilterField field = FilterField.byLabel(name).orElseThrow(() -> new FilterSyntaxException(text, at + 1,
                (name.isEmpty() ? "expected a field name" : "unknown field \"" + name + "\"")
                        + " (fields: comm, pid, tid, syscall, file or path, family, latency, gap, bytes, ret, fd)"));
        int opAt = skipSpaces(text, nameEnd);
        FilterOperator operator = FilterOperator.at(text, opAt);
        if (operator == null) {
            throw new FilterSyntaxException(text, opAt + 1, "expected an operator (~ =~ = != > < >= <=) after "
                    + name);
        }
        if (!operator.appliesTo(field.type())) {
            throw new FilterSyntaxException(text, opAt + 1, field.label() + (field.type() == FilterField.Type.TEXT
                    ? " is text: compare it with ~, =~, = or !=, not " : " is a number: compare it with =, !=, >, <, >="
                    + " or <=, not ") + operator.symbol());
        }
        int valueAt = skipSpaces(text, opAt + operator.symbol().length());
        return build(text, field, name, operator, text.substring(valueAt), valueAt + 1);
    }

    /** The exact-match frame for a value shown in a table or stream cell ({@code comm=bash}). */
    public static FilterFrame exact(FilterField field, String value) {
        return of(field, FilterOperator.EQUALS, value);
    }

    /**
     * The frame {@code field operator value}, as if written so.
     *
     * @throws FilterSyntaxException when the operator does not apply or the value is not one
     */
    public static FilterFrame of(FilterField field, FilterOperator operator, String value) {
        Objects.requireNonNull(value);
        String text = field.label() + operator.symbol() + value;
        if (!operator.appliesTo(field.type())) {
            throw new FilterSyntaxException(text, field.label().length() + 1, operator.symbol()
                    + " does not apply to " + field.label());
        }
        return build(text, field, field.label(), operator, value, field.label().length()
                + operator.symbol().length() + 1);
    }

    private static FilterFrame build(String text, FilterField field, String name, FilterOperator operator,
                                     String value, int valuePosition) {
        if (value.isEmpty()) {
            throw new FilterSyntaxException(text, valuePosition, "expected a value after " + operator.symbol());
        }
        long number = 0;
        Pattern pattern = null;
        switch (field.type()) {
            case INTEGER -> number = integer(text, value, valuePosition, field);
            case DURATION -> number = nanos(text, value, valuePosition);
            case TEXT -> {
                if (operator == FilterOperator.MATCHES) {
                    pattern = regex(text, value, valuePosition);
                }
            }
        }
        return new FilterFrame(field, name.toLowerCase(Locale.ROOT), operator, value, number, pattern);
    }

    /** The field tested. */
    public FilterField field() {
        return field;
    }

    /** The operator. */
    public FilterOperator operator() {
        return operator;
    }

    /** The value as written ({@code 5ms}, {@code bash}). */
    public String value() {
        return value;
    }

    /** Whether the frame tests a key field and so filters everything counted so far. */
    public boolean isKeyFrame() {
        return field.isKey();
    }

    /** The frame as text, e.g. {@code comm~bash}. */
    public String text() {
        return fieldName + operator.symbol() + value;
    }

    /** Whether {@code text} (a comm, syscall name or path) passes; for text fields. */
    public boolean test(String text) {
        return switch (operator) {
            case EQUALS -> text.equals(value);
            case NOT_EQUALS -> !text.equals(value);
            case CONTAINS -> containsIgnoreCase(text, value);
            case MATCHES -> matches(text);
            default -> throw new IllegalStateException(operator + " on text");
        };
    }

    /** Whether {@code actual} passes; for number and time fields (times in nanoseconds). */
    public boolean test(long actual) {
        return switch (operator) {
            case EQUALS -> actual == number;
            case NOT_EQUALS -> actual != number;
            case GREATER -> actual > number;
            case LESS -> actual < number;
            case AT_LEAST -> actual >= number;
            case AT_MOST -> actual <= number;
            default -> throw new IllegalStateException(operator + " on a number");
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FilterFrame f && f.field == field && f.operator == operator && f.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, operator, value);
    }

    @Override
    public String toString() {
        return text();
    }

    /**
     * Texts a regular expression gave up on: it needed more than its budget of steps
     * (catastrophic backtracking, as {@code ^((a+)+)+$} on a long run of a's) or recursed
     * too deep, and was taken as not matching rather than stall or stop the pipeline. Paths come from the traced
     * processes, so a hostile one could otherwise freeze ior with a crafted name.
     */
    public long regexGiveUps() {
        return giveUps.sum();
    }

    private boolean matches(String text) {
        try {
            return pattern.matcher(new BudgetedText(text, REGEX_BUDGET)).find();
        } catch (BudgetedText.Exhausted | StackOverflowError e) { // too many steps, or too deep a recursion
            giveUps.increment();
            return false;
        }
    }

    private static boolean containsIgnoreCase(String text, String part) {
        for (int i = 0; i + part.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, part, 0, part.length())) {
                return true;
            }
        }
        return false;
    }

    private static long integer(String text, String value, int position, FilterField field) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new FilterSyntaxException(text, position, field.label() + " needs a whole number, not \"" + value
                    + "\"");
        }
    }

    private static long nanos(String text, String value, int position) {
        int unitAt = 0;
        while (unitAt < value.length() && (Character.isDigit(value.charAt(unitAt)) || value.charAt(unitAt) == '.')) {
            unitAt++;
        }
        if (unitAt == 0) {
            throw new FilterSyntaxException(text, position, "expected a time such as 5ms, not \"" + value + "\"");
        }
        String unit = value.substring(unitAt).strip();
        long scale = switch (unit) {
            case "", "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            default -> throw new FilterSyntaxException(text, position + unitAt, "unknown unit \"" + unit
                    + "\" (use ns, us, ms or s)");
        };
        try {
            return new BigDecimal(value.substring(0, unitAt)).multiply(BigDecimal.valueOf(scale)).longValue();
        } catch (NumberFormatException e) {
            throw new FilterSyntaxException(text, position, "expected a time such as 5ms, not \"" + value + "\"");
        }
    }

    private static Pattern regex(String text, String value, int position) {
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new FilterSyntaxException(text, position + Math.max(0, e.getIndex()),
                    "bad regular expression (" + e.getDescription() + ")");
        }
    }

    private static int skipSpaces(String text, int at) {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }
}
