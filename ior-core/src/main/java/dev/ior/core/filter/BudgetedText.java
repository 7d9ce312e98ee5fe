package dev.ior.core.filter;

/**
 * A text that lets a regular expression read at most a budget of characters, then
 * stops it with {@link Exhausted}: the only way to bound {@link java.util.regex.Matcher},
 * whose backtracking has no limit of its own. One per match; not thread-safe.
 */
final class BudgetedText implements CharSequence {

    /** Thrown when the budget is spent; no stack trace (it is control flow). */
    static final class Exhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exhausted() {
            super("the regular expression needed too many steps", null, false, false);
        }
    }

    private final CharSequence text;
    private long budget;

    BudgetedText(CharSequence text, long budget) {
        this.text = text;
        this.budget = budget;
    }

    @Override
    public char charAt(int index) {
        if (--budget < 0) {
            throw new Exhausted();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BudgetedText(text.subSequence(start, end), budget);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
