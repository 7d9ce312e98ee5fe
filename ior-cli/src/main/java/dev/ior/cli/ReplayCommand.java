package dev.ior.cli;

import dev.ior.core.IorException;
import dev.ior.core.record.ReplaySource;
import dev.ior.tui.Dashboard;
import dev.ior.tui.DashboardOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ior replay FILE}: the dashboard on a recording, as if it were live (no PID picker). */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Open the dashboard on a recording, or on every recording under a directory.")
final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE|DIR", description = "The recording(s) to show.")
    Path input;

    @Option(names = "--recorded-pace", description = "Replay at the pace it was recorded (default: at once).")
    boolean recordedPace;

    @Mixin
    FlameOptions flame;

    @Override
    public Integer call() {
        DashboardOptions dashboard = DashboardOptions.replay(new ReplaySource(input,
                recordedPace ? ReplaySource.Pace.RECORDED : ReplaySource.Pace.FAST))
                .withFlame(flame.order(), flame.metric());
        if (!Files.exists(input)) {
            throw new IorException("cannot read " + input + ": no such file", IorException.USAGE_ERROR, null);
        }
        Dashboard.requireTerminal();
        Dashboard.open(dashboard, System.err);
        return 0;
    }
}
