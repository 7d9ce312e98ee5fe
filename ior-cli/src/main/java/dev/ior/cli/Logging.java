package dev.ior.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Points {@link System.Logger} output (java.util.logging underneath) at stderr as
 * single "ior: ..." lines: warnings only by default, everything with --verbose.
 */
final class Logging {

    private Logging() {
    }

    static void configure(boolean verbose) {
        Logger root = Logger.getLogger("");
        for (var handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        ConsoleHandler handler = new ConsoleHandler();
        handler.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                return "ior: " + formatMessage(record) + System.lineSeparator();
            }
        });
        Level level = verbose ? Level.ALL : Level.WARNING;
        handler.setLevel(level);
        root.setLevel(level);
        root.addHandler(handler);
    }
}
