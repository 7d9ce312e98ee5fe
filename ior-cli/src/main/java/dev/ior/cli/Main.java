package dev.ior.cli;

import dev.ior.core.IorException;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * The {@code ior} command's entry point: every failure ends as one line on stderr
 * and an exit code (0 done, 1 runtime failure, 2 bad usage), never a stack trace
 * unless --verbose asks for it.
 */
public final class Main {

    private Main() {
    }

    /** Runs ior and exits with its code. */
    public static void main(String[] args) {
        int code = run(args);
        System.exit(code);
    }

    /** Runs ior with {@code args} and returns the exit code. */
    public static int run(String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v");
        Logging.configure(verbose);
        CommandLine cli = commandLine();
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof IorException ior) {
                err.println("ior: " + ior.getMessage());
                if (verbose && ior.getCause() != null) {
                    ior.getCause().printStackTrace(err);
                }
                return ior.exitCode();
            }
            err.println("ior: internal error: " + e + (verbose ? "" : " (--verbose shows where)"));
            if (verbose) {
                e.printStackTrace(err);
            }
            return IorException.RUNTIME_ERROR;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("ior: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            return IorException.USAGE_ERROR;
        });
        return cli.execute(OriginalFlags.translate(args));
    }

    /** The command tree, also used to generate the man page and shell completion. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new IorCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }
}
