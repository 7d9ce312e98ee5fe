package dev.ior.cli;

import dev.ior.bpf.doctor.CheckResult;
import dev.ior.bpf.doctor.Doctor;
import dev.ior.core.IorException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ior doctor}: checks what tracing needs from this host, with a fix for each failure. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check that this host can run ior, with a fix for each failure.",
            "",
            "Checks privileges, the kernel release, BTF, tracefs, libbpf, lockdown, the BPF sysctls and ring "
                    + "buffers, then loads and attaches ior's BPF programs for a moment to prove it can trace. "
                    + "Prints one row per check, with the fix under each failure."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every check passed (warnings allowed)", "1:a check failed; stderr names it"})
final class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"--verbose", "-v"}, description = "Print libbpf's and ior's debug output on stderr.")
    boolean verbose;

    @Override
    public Integer call() {
        List<CheckResult> results = Doctor.run();
        print(results, spec.commandLine().getOut());
        List<String> failed = results.stream().filter(CheckResult::failed)
                .map(r -> r.requirement().label()).toList();
        if (failed.isEmpty()) {
            return 0;
        }
        throw new IorException(failed.size() == 1 ? "check failed: " + failed.getFirst() + " (see the fix above)"
                : failed.size() + " checks failed: " + String.join(", ", failed) + " (see the fixes above)");
    }

    /** One row per check; a failure's or warning's fix on the line under it. */
    static void print(List<CheckResult> results, PrintWriter out) {
        int width = results.stream().mapToInt(r -> r.requirement().label().length()).max().orElse(0) + 2;
        String row = "%-" + width + "s%-9s%s%n";
        out.printf(row, "CHECK", "RESULT", "DETAILS");
        for (CheckResult r : results) {
            out.printf(row, r.requirement().label(), r.status().name().toLowerCase(Locale.ROOT), r.finding());
            if (!r.fix().isEmpty()) {
                out.printf(row, "", "", "fix: " + r.fix());
            }
        }
        out.flush();
    }
}
