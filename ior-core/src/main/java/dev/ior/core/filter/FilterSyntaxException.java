package dev.ior.core.filter;

import dev.ior.core.IorException;
import dev.ior.core.text.Utf8Escaper;
import java.nio.charset.StandardCharsets;

/**
 * Filter text ior cannot read. The message quotes the text, names the 1-based
 * position of the problem and says what would be accepted; the exit code is
 * {@link IorException#USAGE_ERROR}. It is one printable line: control characters
 * the text held are written {@code \xHH}.
 */
public final class FilterSyntaxException extends IorException {

    private final int position;

    FilterSyntaxException(String text, int position, String problem) {
        super(printable("filter \"" + text + "\": " + problem + " at position " + position), USAGE_ERROR, null);
        this.position = position;
    }

    private static String printable(String message) {
        return Utf8Escaper.decode(message.getBytes(StandardCharsets.UTF_8));
    }

    /** The 1-based position in the text where the problem is. */
    public int position() {
        return position;
    }
}
