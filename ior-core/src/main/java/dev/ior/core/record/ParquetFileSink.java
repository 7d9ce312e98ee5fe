package dev.ior.core.record;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;

/**
 * One Parquet file written straight into its column writers from {@link EventBatch}es,
 * a column at a time. Parquet's record API (a RecordConsumer walking the schema for
 * every field) cost half the writer thread's time; ior's schema is flat and fixed, so
 * each column's writer is called directly, in one loop over the batch per column (one
 * dispatch per column and batch, not per value; each column's encoder stays in cache).
 * Every column tracks its own rows, so pages still end on row boundaries.
 */
final class ParquetFileSink {

    private static final int PAGE_BYTES = 1 << 20;
    private static final int MAX_PADDING = 8 << 20;
    private static final int TRUNCATE_LENGTH = 64;

    private final ParquetFileWriter file;
    private final ParquetProperties properties;
    private final BytesInputCompressor compressor;
    private final long rowGroupBytes;
    private final StringCache strings;
    private final List<RecordingSchema.Column> columns = RecordingSchema.COLUMNS;
    private final ColumnDescriptor[] descriptors;
    private ColumnChunkPageWriteStore pages;
    private ColumnWriteStore store;
    private ColumnWriter[] writers;
    private long rowsInGroup;
    private long rows;

    ParquetFileSink(OutputFile output, long rowGroupBytes, String host) throws IOException {
        this.rowGroupBytes = rowGroupBytes;
        this.strings = new StringCache(host);
        ParquetProperties.Builder builder = ParquetProperties.builder()
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0)
                .withPageSize(PAGE_BYTES)
                .withDictionaryPageSize(PAGE_BYTES)
                .withDictionaryEncoding(false)
                .withSizeStatisticsEnabled(false); // unencoded sizes per page: no reader of ior's files wants them
        // Dictionaries only where values repeat (strings, ids); counters and timestamps
        // are delta-encoded instead of filling a dictionary in vain.
        RecordingSchema.DICTIONARY_COLUMNS.forEach(column -> builder.withDictionaryEncoding(column, true));
        // Constant and derived columns' min and max say nothing new: no per-value statistics for them.
        columns.stream().filter(column -> !column.statistics())
                .forEach(column -> builder.withStatisticsEnabled(column.name(), false));
        this.properties = builder.build();
        this.compressor = new ZstdCodecFactory().getCompressor(CompressionCodecName.ZSTD);
        this.file = new ParquetFileWriter(output, RecordingSchema.MESSAGE, ParquetFileWriter.Mode.CREATE,
                rowGroupBytes, MAX_PADDING, TRUNCATE_LENGTH, Integer.MAX_VALUE, true);
        this.descriptors = RecordingSchema.MESSAGE.getColumns().toArray(ColumnDescriptor[]::new);
        file.start();
        newRowGroup();
    }

    /** Writes every row of {@code batch}. */
    void write(EventBatch batch) throws IOException {
        ColumnWriter[] w = writers;
        for (int c = 0; c < w.length; c++) {
            columns.get(c).writer().write(w[c], batch, strings);
        }
        for (int row = 0; row < batch.size; row++) {
            store.endRecord();
        }
        rowsInGroup += batch.size;
        rows += batch.size;
        if (store.getBufferedSize() >= rowGroupBytes) {
            flushRowGroup();
            newRowGroup();
        }
    }

    /** Rows written into this file. */
    long rows() {
        return rows;
    }

    /** Bytes buffered in memory for the open row group. */
    long bufferedBytes() {
        return store.getBufferedSize();
    }

    /** The file's size so far, counting the open row group. */
    long sizeBytes() throws IOException {
        return file.getPos() + store.getBufferedSize();
    }

    /** Flushes the last row group and writes the footer with {@code metadata}. */
    void close(Map<String, String> metadata) throws IOException {
        try {
            flushRowGroup();
            file.end(new HashMap<>(metadata));
        } finally {
            compressor.release();
        }
    }

    private void newRowGroup() {
        pages = new ColumnChunkPageWriteStore(compressor, RecordingSchema.MESSAGE, new HeapByteBufferAllocator(),
                TRUNCATE_LENGTH, true);
        store = properties.newColumnWriteStore(RecordingSchema.MESSAGE, pages, pages);
        writers = new ColumnWriter[descriptors.length];
        for (int c = 0; c < descriptors.length; c++) {
            writers[c] = store.getColumnWriter(descriptors[c]);
        }
        rowsInGroup = 0;
    }

    private void flushRowGroup() throws IOException {
        if (rowsInGroup > 0) {
            file.startBlock(rowsInGroup);
            store.flush();
            pages.flushToFileWriter(file);
            file.endBlock();
        }
        store.close();
        pages.close();
    }
}
