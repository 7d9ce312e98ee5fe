package dev.ior.core.record;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;

/** Writes rows of {@link EventBatch}es in the {@link RecordingSchema}, plus the file's metadata. */
final class BatchWriteSupport extends WriteSupport<BatchWriteSupport.Row> {

    /** A cursor on one row of a batch, reused for every row. */
    static final class Row {
        EventBatch batch;
        int index;
    }

    private final Map<String, String> startMetadata;
    private final Supplier<Map<String, String>> endMetadata;
    private final StringCache strings;
    private RecordConsumer out;

    BatchWriteSupport(Map<String, String> startMetadata, Supplier<Map<String, String>> endMetadata, String host) {
        this.startMetadata = startMetadata;
        this.endMetadata = endMetadata;
        this.strings = new StringCache(host);
    }

    @Override
    public WriteContext init(Configuration configuration) {
        throw new UnsupportedOperationException("ior writes Parquet without Hadoop");
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(RecordingSchema.MESSAGE, startMetadata);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    @Override
    public void write(Row row) {
        EventBatch batch = row.batch;
        int index = row.index;
        out.startMessage();
        var columns = RecordingSchema.COLUMNS;
        for (int i = 0; i < columns.size(); i++) {
            RecordingSchema.Column column = columns.get(i);
            if (column.presence() != null && !column.presence().present(batch, index)) {
                continue;
            }
            String name = column.name();
            out.startField(name, i);
            column.writer().write(out, batch, index, strings);
            out.endField(name, i);
        }
        out.endMessage();
    }

    @Override
    public FinalizedWriteContext finalizeWrite() {
        return new FinalizedWriteContext(endMetadata.get());
    }
}
