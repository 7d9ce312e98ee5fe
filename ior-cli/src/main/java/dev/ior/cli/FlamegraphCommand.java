package dev.ior.cli;

import dev.ior.core.HostInfo;
import dev.ior.core.IorSession;
import dev.ior.core.export.FlameGraphSvg;
import dev.ior.core.export.FoldedStacks;
import dev.ior.core.flame.FlameMetric;
import dev.ior.core.flame.FlameNode;
import dev.ior.core.flame.FlameOrder;
import dev.ior.core.io.OutputFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ior flamegraph}: counts events live (or from a recording) and writes the
 * folded stacks and a self-contained interactive SVG, in any of the dashboard's
 * orderings (the original's -flamegraph).
 */
@Command(name = "flamegraph", mixinStandardHelpOptions = true,
        description = "Write a flame graph (folded stacks and an SVG) of the events, live until --duration or Ctrl-C, "
                + "or of a recording with --input.")
final class FlamegraphCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @Mixin
    TraceOptions options;

    @Mixin
    InputOptions input;

    @Mixin
    FlameOptions flame;

    @Option(names = "--split-paths", description = "One frame per directory of a path instead of one per path.")
    boolean splitPaths;

    @Option(names = {"-o", "--output"}, paramLabel = "PREFIX",
            description = "Write PREFIX.folded and PREFIX.svg (default: ior-<host>-<time>).")
    Path output;

    @Override
    public Integer call() throws Exception {
        FlameOrder order = flame.order();
        FlameMetric metric = flame.metric();
        String prefix = (output != null ? output.toString()
                : "ior-" + HostInfo.hostname() + "-" + STAMP.format(Instant.now()));
        IorSession session = input.builder().settings(input.settings(options)).build();
        Runnable writeGraph = () -> {
            FlameNode tree = session.snapshot().flame().tree(order, metric, splitPaths);
            FoldedStacks stacks = FoldedStacks.of(tree);
            write(Path.of(prefix + ".folded"), out -> stacks.writeTo(out));
            write(Path.of(prefix + ".svg"), out -> FlameGraphSvg.render(stacks, order.label(),
                    metric == FlameMetric.BYTES ? "bytes" : "events", out));
            System.err.println("ior: wrote " + prefix + ".folded and " + prefix + ".svg (" + order.label() + ", "
                    + metric.label() + ")");
        };
        Duration finishTimeout = Duration.ofSeconds(30);
        return new SessionRunner(session, input.input != null ? null : options.duration, finishTimeout).run(writeGraph);
    }

    private interface Body {
        void write(Writer out) throws IOException;
    }

    private static void write(Path file, Body body) {
        try (Writer out = new OutputStreamWriter(OutputFiles.newOutputStream(file), StandardCharsets.UTF_8)) {
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
