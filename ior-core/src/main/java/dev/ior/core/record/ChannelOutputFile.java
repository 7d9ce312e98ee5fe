package dev.ior.core.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Parquet's output over a file ior already created safely (exclusive, no symlink
 * followed, mode 0600): Parquet never opens a path itself. Closing Parquet's stream
 * syncs the file but leaves the channel open: its owner may still read it back.
 */
final class ChannelOutputFile implements OutputFile {

    private final FileChannel channel;
    private final Path path;

    ChannelOutputFile(FileChannel channel, Path path) {
        this.channel = channel;
        this.path = path;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
        return new PositionOutputStream() {
            private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            private long written;

            @Override
            public long getPos() {
                return written + buffer.position();
            }

            @Override
            public void write(int b) throws IOException {
                if (!buffer.hasRemaining()) {
                    drain();
                }
                buffer.put((byte) b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (length > buffer.remaining()) {
                    drain();
                    if (length > buffer.capacity()) {
                        writeFully(ByteBuffer.wrap(bytes, offset, length));
                        return;
                    }
                }
                buffer.put(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                drain();
            }

            @Override
            public void close() throws IOException {
                drain();
                channel.force(false);
            }

            private void drain() throws IOException {
                buffer.flip();
                writeFully(buffer);
                buffer.clear();
            }

            private void writeFully(ByteBuffer bytes) throws IOException {
                while (bytes.hasRemaining()) {
                    written += channel.write(bytes);
                }
            }
        };
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
        return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    @Override
    public String getPath() {
        return path.toString();
    }
}
