package dev.ior.core.record;

import java.lang.reflect.Constructor;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.crypto.FileDecryptionProperties;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetMetricsCallback;

/**
 * Read options for Parquet's file reader made without Hadoop. Every public way to
 * build {@link ParquetReadOptions} loads Hadoop's FileInputFormat (through
 * ParquetInputFormat.getFilter), which ior does not ship; so this calls the
 * options' own constructor, the one its builder calls, with the builder's defaults.
 */
final class HadoopFreeReadOptions {

    /** ParquetProperties' default largest single allocation. */
    private static final int MAX_ALLOCATION = 8 << 20;

    private HadoopFreeReadOptions() {
    }

    static ParquetReadOptions create(CompressionCodecFactory codecs) {
        try {
            Constructor<ParquetReadOptions> constructor = ParquetReadOptions.class.getDeclaredConstructor(
                    boolean.class, boolean.class, boolean.class, boolean.class, boolean.class, boolean.class,
                    boolean.class, boolean.class, boolean.class, FilterCompat.Filter.class,
                    ParquetMetadataConverter.MetadataFilter.class, CompressionCodecFactory.class,
                    org.apache.parquet.bytes.ByteBufferAllocator.class, int.class, Map.class,
                    FileDecryptionProperties.class, ParquetMetricsCallback.class, ParquetConfiguration.class);
            constructor.setAccessible(true);
            return constructor.newInstance(
                    false, // useSignedStringMinMax
                    false, // useStatsFilter
                    false, // useDictionaryFilter
                    false, // useRecordFilter
                    false, // useColumnIndexFilter
                    false, // usePageChecksumVerification
                    false, // useBloomFilter
                    false, // useOffHeapDecryptBuffer
                    false, // useHadoopVectoredIo
                    FilterCompat.NOOP, ParquetMetadataConverter.NO_FILTER, codecs, new HeapByteBufferAllocator(),
                    MAX_ALLOCATION, Map.of(), null, null, new PlainParquetConfiguration());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this parquet-hadoop version has no ParquetReadOptions constructor ior knows", e);
        }
    }
}
