package dev.ior.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The original ior chose its mode with flags ({@code ior -parquet out.parquet -duration
 * 10}, {@code ior -flamegraph -fields comm,tracepoint,path}, {@code ior -plain}); ior
 * has subcommands. So that its users' scripts keep working, a command line without a
 * subcommand that carries one of those mode flags is read as the subcommand it means.
 * The other single-dash flags (-pid, -tid, -comm, -duration, -fields, -count) are
 * aliases on the subcommands themselves.
 */
final class OriginalFlags {

    private OriginalFlags() {
    }

    /** {@code args} with an original mode flag turned into its subcommand; otherwise unchanged. */
    static String[] translate(String[] args) {
        if (args.length == 0 || !args[0].startsWith("-")) {
            return args; // a subcommand (or nothing) comes first: nothing to translate
        }
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.remove("-flamegraph")) {
            rest.addFirst("flamegraph");
        } else if (rest.contains("-parquet")) {
            rest.addFirst("record"); // record takes -parquet FILE as its output
        } else if (rest.remove("-plain")) {
            rest.addFirst("trace");
        } else {
            return args;
        }
        return rest.toArray(String[]::new);
    }
}
