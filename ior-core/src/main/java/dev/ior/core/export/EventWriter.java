package dev.ior.core.export;

import dev.ior.core.IorEvent;

/** Writes events one per line in a text format (CSV, NDJSON). */
public sealed interface EventWriter permits CsvEventWriter, NdjsonEventWriter {

    /** The format's header line, if it has one; call once before the first event. */
    void writeHeader();

    /** Writes one event. */
    void write(IorEvent event);

    /** Pushes what is buffered to the stream. */
    void flush();
}
