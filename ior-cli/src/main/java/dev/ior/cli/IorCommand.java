package dev.ior.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ior}: the dashboard by default, headless subcommands for scripts. Subcommands
 * inherit the version provider ({@code ior trace --version}, the man pages' source).
 */
@Command(name = "ior", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        scope = CommandLine.ScopeType.INHERIT,
        description = "Traces the file-I/O syscalls of a Linux host with eBPF.",
        subcommands = {TraceCommand.class, StatsCommand.class, RecordCommand.class, FlamegraphCommand.class,
                ExportCommand.class, QueryCommand.class, DoctorCommand.class,
                CommandLine.HelpCommand.class})
public final class IorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println(
                "ior: the dashboard is not in this version yet; use 'ior trace' for a CSV stream of events.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return 0;
    }
}
