package dev.ior.core.syscall;

import dev.ior.core.IorException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One pattern of a syscall selection ({@link SyscallTable#select}), as text:
 * <ul>
 *   <li>a syscall name as in tracefs, or a glob of names ({@code *} any run of
 *       characters, {@code ?} one): {@code openat}, {@code open*}, {@code io_uring:*};</li>
 *   <li>{@code family:NAME}: every syscall of a family ({@code family:Network}, any case);</li>
 *   <li>{@code kind:NAME}: every syscall with an argument of that kind ({@code kind:path});</li>
 *   <li>{@code default}: what ior traces when nothing is selected.</li>
 * </ul>
 * Any of them after {@code !} excludes what it matches instead.
 */
public final class SyscallPattern {

    /** The prefix that names a family. */
    public static final String FAMILY = "family:";
    /** The prefix that names an argument kind. */
    public static final String KIND = "kind:";
    /** What ior traces when nothing is selected. */
    public static final String DEFAULT = "default";

    private final String text;
    private final boolean exclude;
    private final Predicate<Syscall> matcher;

    private SyscallPattern(String text, boolean exclude, Predicate<Syscall> matcher) {
        this.text = text;
        this.exclude = exclude;
        this.matcher = matcher;
    }

    /**
     * Reads one pattern.
     *
     * @throws IorException (usage) naming the known families or kinds when a prefix names none
     */
    public static SyscallPattern parse(String text) {
        boolean exclude = text.startsWith("!");
        String body = exclude ? text.substring(1) : text;
        String lower = body.toLowerCase(Locale.ROOT);
        Predicate<Syscall> matcher;
        if (lower.startsWith(FAMILY)) {
            SyscallFamily family = SyscallFamily.byLabel(body.substring(FAMILY.length()))
                    .orElseThrow(() -> usage("unknown syscall family '" + body.substring(FAMILY.length())
                            + "' (families: " + Arrays.stream(SyscallFamily.values()).map(SyscallFamily::label)
                            .collect(Collectors.joining(", ")) + ")"));
            matcher = s -> s.family() == family;
        } else if (lower.startsWith(KIND)) {
            ArgKind kind = ArgKind.byLabel(body.substring(KIND.length()))
                    .orElseThrow(() -> usage("unknown argument kind '" + body.substring(KIND.length())
                            + "' (kinds: " + Arrays.stream(ArgKind.values()).map(ArgKind::label)
                            .collect(Collectors.joining(", ")) + ")"));
            matcher = s -> s.argKinds().contains(kind);
        } else if (lower.equals(DEFAULT)) {
            matcher = Syscall::tracedByDefault;
        } else {
            Predicate<String> names = glob(body);
            matcher = s -> names.test(s.name());
        }
        return new SyscallPattern(text, exclude, matcher);
    }

    /** The pattern selecting every syscall of {@code family}. */
    public static String of(SyscallFamily family) {
        return FAMILY + family.label();
    }

    /** The pattern excluding every syscall of {@code family}. */
    public static String excluding(SyscallFamily family) {
        return "!" + of(family);
    }

    /**
     * {@code patterns} changed so that they select every syscall of {@code family} too
     * ({@code attached}) or none of it, and otherwise the same syscalls: what attaching
     * or detaching a family in a probe picker does to a selection.
     *
     * @throws IorException (usage) when detaching the family leaves nothing to trace
     */
    public static Set<String> withFamily(Collection<String> patterns, SyscallFamily family, boolean attached) {
        String include = of(family);
        String exclude = excluding(family);
        Set<String> result = new LinkedHashSet<>();
        boolean hadIncludes = false;
        for (String pattern : patterns) {
            hadIncludes |= !pattern.startsWith("!");
            if (!pattern.equalsIgnoreCase(include) && !pattern.equalsIgnoreCase(exclude)) {
                result.add(pattern);
            }
        }
        boolean includes = result.stream().anyMatch(p -> !p.startsWith("!"));
        if (attached) {
            if (!includes) {
                result.add(DEFAULT); // what was traced so far stays traced
            }
            result.add(include);
        } else if (hadIncludes && !includes) {
            throw usage("detaching " + family.label() + " leaves nothing to trace");
        } else {
            result.add(exclude);
        }
        return result;
    }

    /** The pattern as written. */
    public String text() {
        return text;
    }

    /** Whether it excludes what it matches. */
    public boolean isExclusion() {
        return exclude;
    }

    /** Whether it matches {@code syscall} (whether it includes or excludes). */
    public boolean matches(Syscall syscall) {
        return matcher.test(syscall);
    }

    @Override
    public String toString() {
        return text;
    }

    private static Predicate<String> glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString()).asMatchPredicate();
    }

    private static IorException usage(String message) {
        return new IorException(message, IorException.USAGE_ERROR, null);
    }
}
