package dev.ior.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Byte sizes: {@code 4096}, {@code 64K}, {@code 16M}, {@code 1G} (powers of 1024). */
final class SizeConverter implements CommandLine.ITypeConverter<Long> {

    private static final Pattern FORM = Pattern.compile("(\\d+)([KMG]i?B?)?", Pattern.CASE_INSENSITIVE);

    @Override
    public Long convert(String value) {
        Matcher m = FORM.matcher(value.strip());
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a size (e.g. 16M, 64K)");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2).substring(0, 1).toUpperCase(java.util.Locale.ROOT);
        return switch (unit) {
            case "K" -> amount << 10;
            case "M" -> amount << 20;
            case "G" -> amount << 30;
            default -> amount;
        };
    }
}
