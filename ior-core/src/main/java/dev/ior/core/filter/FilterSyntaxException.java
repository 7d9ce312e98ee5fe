package dev.ior.core.filter;

import dev.ior.core.IorException;

/**
 * Filter text ior cannot read. The message quotes the text, names the 1-based
 * position of the problem and says what would be accepted; the exit code is
 * {@link IorException#USAGE_ERROR}.
 */
public final class FilterSyntaxException extends IorException {

    private final int position;

    FilterSyntaxException(String text, int position, String problem) {
        super("filter \"" + text + "\": " + problem + " at position " + position, USAGE_ERROR, null);
        this.position = position;
    }

    /** The 1-based position in the text where the problem is. */
    public int position() {
        return position;
    }
}
