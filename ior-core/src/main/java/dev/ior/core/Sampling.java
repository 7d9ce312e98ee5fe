package dev.ior.core;

import dev.ior.core.syscall.Syscall;
import dev.ior.core.syscall.SyscallPattern;
import dev.ior.core.syscall.SyscallTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How many traced calls become events, decided in the kernel: every one (rate 1, the
 * default), about one in N chosen at random (rate N), or none (rate 0: counted in the
 * kernel only). Calls of a sampled syscall are counted in the kernel, so its totals
 * stay exact ({@link SyscallSampling}). Gaps ({@link IorEvent#gapNs()}) are measured
 * between the calls that became events.
 *
 * @param rates sampling rates by pattern ({@link SyscallPattern}: a name, a glob,
 *              {@code family:NAME} or {@code kind:NAME}); a name or glob wins over a
 *              family or kind, and among equals the later one wins
 */
public record Sampling(Map<String, Integer> rates) {

    /** Every traced call is an event. */
    public static final Sampling EVERY_CALL = new Sampling(Map.of());

    public Sampling {
        Map<String, Integer> copy = new LinkedHashMap<>();
        for (var rate : rates.entrySet()) {
            if (rate.getValue() < 0) {
                throw new IorException("a sampling rate is 1 (every call), N (about one call in N) or 0 (count "
                        + "only), not " + rate.getValue() + " for " + rate.getKey(), IorException.USAGE_ERROR, null);
            }
            if (rate.getKey().startsWith("!")) {
                throw new IorException("sampling takes no exclusion: " + rate.getKey(), IorException.USAGE_ERROR, null);
            }
            if (SyscallTable.builtIn().all().stream().noneMatch(SyscallPattern.parse(rate.getKey())::matches)) {
                throw new IorException("no syscall matches '" + rate.getKey() + "' to sample",
                        IorException.USAGE_ERROR, null);
            }
            copy.put(rate.getKey(), rate.getValue());
        }
        rates = Collections.unmodifiableMap(copy);
    }

    /** These rates with {@code pattern} sampled at {@code rate} too (it goes last: it wins among its equals). */
    public Sampling with(String pattern, int rate) {
        Map<String, Integer> more = new LinkedHashMap<>(rates);
        more.remove(pattern);
        more.put(pattern, rate);
        return new Sampling(more);
    }

    /** The rate of {@code syscall}: 1 = every call, N = about one in N, 0 = none. */
    public int rateOf(Syscall syscall) {
        int byGroup = 1;
        int byName = -1;
        for (var rate : rates.entrySet()) {
            if (SyscallPattern.parse(rate.getKey()).matches(syscall)) {
                if (isGroup(rate.getKey())) {
                    byGroup = rate.getValue();
                } else {
                    byName = rate.getValue();
                }
            }
        }
        return byName >= 0 ? byName : byGroup;
    }

    /** Whether every traced call is an event. */
    public boolean everyCall() {
        return rates.values().stream().allMatch(rate -> rate == 1);
    }

    /** The rates as given, {@code family:Network=10,read=0}; "" when every call is an event. */
    public String describe() {
        return rates.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    /** The syscalls of {@code among} whose rate is not 1, in that order. */
    public List<Syscall> sampled(List<Syscall> among) {
        List<Syscall> sampled = new ArrayList<>();
        for (Syscall syscall : among) {
            if (rateOf(syscall) != 1) {
                sampled.add(syscall);
            }
        }
        return sampled;
    }

    private static boolean isGroup(String pattern) {
        String lower = pattern.toLowerCase(Locale.ROOT);
        return lower.startsWith(SyscallPattern.FAMILY) || lower.startsWith(SyscallPattern.KIND)
                || lower.equals(SyscallPattern.DEFAULT);
    }
}
