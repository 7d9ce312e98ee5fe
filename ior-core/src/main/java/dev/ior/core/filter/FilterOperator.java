package dev.ior.core.filter;

/** How a filter frame compares a field with its value. */
public enum FilterOperator {
    /** Case-insensitive substring (text fields). */
    CONTAINS("~"),
    /** Regular expression found anywhere in the text (text fields). */
    MATCHES("=~"),
    /** Exact equality (every field). */
    EQUALS("="),
    /** Exact inequality (every field). */
    NOT_EQUALS("!="),
    /** Greater than (numbers and times). */
    GREATER(">"),
    /** Less than (numbers and times). */
    LESS("<"),
    /** Greater than or equal (numbers and times). */
    AT_LEAST(">="),
    /** Less than or equal (numbers and times). */
    AT_MOST("<=");

    /** Longest symbols first, so that {@code >=} is not read as {@code >}. */
    private static final FilterOperator[] BY_LENGTH = {MATCHES, NOT_EQUALS, AT_LEAST, AT_MOST, EQUALS, CONTAINS,
        GREATER, LESS};

    private final String symbol;

    FilterOperator(String symbol) {
        this.symbol = symbol;
    }

    /** How the operator is written. */
    public String symbol() {
        return symbol;
    }

    /** Whether the operator applies to fields of {@code type}. */
    public boolean appliesTo(FilterField.Type type) {
        return switch (this) {
            case EQUALS, NOT_EQUALS -> true;
            case CONTAINS, MATCHES -> type == FilterField.Type.TEXT;
            case GREATER, LESS, AT_LEAST, AT_MOST -> type != FilterField.Type.TEXT;
        };
    }

    /** The operator written at the start of {@code text} from {@code at}, longest first, or null. */
    static FilterOperator at(String text, int at) {
        for (FilterOperator op : BY_LENGTH) {
            if (text.startsWith(op.symbol, at)) {
                return op;
            }
        }
        return null;
    }
}
