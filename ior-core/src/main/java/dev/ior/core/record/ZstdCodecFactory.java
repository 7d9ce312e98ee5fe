package dev.ior.core.record;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * ZSTD (and no compression) for Parquet pages through zstd-jni. Parquet's own codec
 * factory loads Hadoop's codec classes even for UNCOMPRESSED; this one keeps Hadoop
 * out of the run time entirely.
 */
final class ZstdCodecFactory implements CompressionCodecFactory {

    /** zstd level 3: the library's default, a good speed/size balance for traces. */
    private static final int LEVEL = 3;

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return switch (codec) {
            case ZSTD -> new BytesInputCompressor() {
                // one context for every page of the file (its writer's thread only): making
                // one per page cost as much as compressing a small page
                private final ZstdCompressCtx context = new ZstdCompressCtx().setLevel(LEVEL);

                @Override
                public BytesInput compress(BytesInput bytes) throws IOException {
                    return BytesInput.from(context.compress(bytes.toByteArray()));
                }

                @Override
                public CompressionCodecName getCodecName() {
                    return CompressionCodecName.ZSTD;
                }

                @Override
                public void release() {
                    context.close();
                }
            };
            case UNCOMPRESSED -> new BytesInputCompressor() {
                @Override
                public BytesInput compress(BytesInput bytes) {
                    return bytes;
                }

                @Override
                public CompressionCodecName getCodecName() {
                    return CompressionCodecName.UNCOMPRESSED;
                }

                @Override
                public void release() {
                }
            };
            default -> throw new UnsupportedOperationException("ior writes ZSTD or uncompressed Parquet, not " + codec);
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case ZSTD -> new BytesInputDecompressor() {
                @Override
                public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                    return BytesInput.from(Zstd.decompress(bytes.toByteArray(), uncompressedSize));
                }

                @Override
                public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                        throws IOException {
                    byte[] in = new byte[compressedSize];
                    input.get(in);
                    output.put(Zstd.decompress(in, uncompressedSize));
                }

                @Override
                public void release() {
                }
            };
            case UNCOMPRESSED -> new BytesInputDecompressor() {
                @Override
                public BytesInput decompress(BytesInput bytes, int uncompressedSize) {
                    return bytes;
                }

                @Override
                public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) {
                    ByteBuffer slice = input.slice();
                    slice.limit(compressedSize);
                    output.put(slice);
                }

                @Override
                public void release() {
                }
            };
            default -> throw new UnsupportedOperationException("ior reads ZSTD or uncompressed Parquet, not " + codec
                    + " (this recording was not written by ior)");
        };
    }

    @Override
    public void release() {
    }
}
