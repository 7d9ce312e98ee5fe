package dev.ior.core.record;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.IorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording damaged anywhere (bytes flipped, cut short) is either read or refused
 * with ior's one-line error: no other exception escapes, nothing hangs.
 */
class RecordingReaderFuzzTest {

    @Test
    void damagedRecordingsAreReadOrRefusedNeverCrash(@TempDir Path dir) throws Exception {
        List<dev.ior.core.EventRecord> events = new ArrayList<>();
        for (int i = 1; i <= 3000; i++) {
            events.add(ParquetRecorderTest.event(i, i % 2 == 0 ? "read" : "write", 3, i, i, "/data/f" + (i % 40), ""));
        }
        byte[] good = Files.readAllBytes(ParquetRecorderTest.record(dir.resolve("good.parquet"), events));
        Random random = new Random(0xfa11L);
        long deadline = System.nanoTime() + 3_000_000_000L;
        int refused = 0;
        int read = 0;
        for (int round = 0; System.nanoTime() < deadline; round++) {
            byte[] bad = good.clone();
            if (random.nextInt(4) == 0) {
                bad = java.util.Arrays.copyOf(bad, random.nextInt(bad.length));
            } else {
                for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
                    bad[random.nextInt(bad.length)] ^= (byte) (1 + random.nextInt(255));
                }
            }
            Path file = Files.write(dir.resolve("bad-" + round + ".parquet"), bad);
            try (RecordingReader reader = RecordingReader.open(file)) {
                while (reader.next() != null) {
                    // read it all
                }
                read++;
            } catch (IorException expected) {
                assertTrue(expected.getMessage().startsWith(file.toString()), expected.getMessage());
                refused++;
            }
            Files.delete(file);
        }
        assertTrue(refused > 0, "some damage must be detected");
        assertTrue(read + refused > 20);
    }
}
