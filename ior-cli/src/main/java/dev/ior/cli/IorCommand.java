package dev.ior.cli;

import dev.ior.bpf.check.Preflight;
import dev.ior.tui.Dashboard;
import dev.ior.tui.DashboardOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ior}: the dashboard by default, headless subcommands for scripts. Subcommands
 * inherit the version provider ({@code ior trace --version}, the man pages' source).
 */
@Command(name = "ior", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        scope = CommandLine.ScopeType.INHERIT,
        description = {"Traces the file-I/O syscalls of a Linux host with eBPF.",
            "Without a command: the dashboard (a terminal is needed), after a PID picker unless --pid, --tid or"
                    + " --comm names what to trace."},
        subcommands = {TraceCommand.class, StatsCommand.class, RecordCommand.class, ReplayCommand.class,
                FlamegraphCommand.class,
                ExportCommand.class, QueryCommand.class, DoctorCommand.class,
                CommandLine.HelpCommand.class})
public final class IorCommand implements Callable<Integer> {

    @Mixin
    TraceOptions options;

    @Mixin
    FlameOptions flame;

    @Override
    public Integer call() {
        DashboardOptions dashboard = DashboardOptions.live(options.settings())
                .withFlame(flame.order(), flame.metric())
                .withDuration(options.duration);
        Dashboard.requireTerminal();
        Preflight.check(); // a missing privilege is said before the PID picker, not after it
        Dashboard.open(dashboard, System.err);
        return 0;
    }
}
