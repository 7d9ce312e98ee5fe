package dev.ior.core.record;

import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.parquet.io.api.Binary;

/**
 * UTF-8 bytes of the strings written, by identity: the pipeline hands out interned
 * String instances, so each distinct path or comm is encoded once, not per row.
 * Bounded: cleared when it grows past its cap.
 */
final class StringCache {

    private static final int CAP = 1 << 16;

    private final Map<String, Binary> cache = new IdentityHashMap<>();
    private final Binary host;

    StringCache(String host) {
        this.host = Binary.fromConstantByteArray(host.getBytes(StandardCharsets.UTF_8));
    }

    Binary binary(String value) {
        Binary binary = cache.get(value);
        if (binary == null) {
            if (cache.size() >= CAP) {
                cache.clear();
            }
            // array-backed: hashing and comparing in the dictionary is much cheaper than
            // for Binary.fromString's ByteBuffer-backed values
            binary = Binary.fromConstantByteArray(value.getBytes(StandardCharsets.UTF_8));
            cache.put(value, binary);
        }
        return binary;
    }

    Binary host() {
        return host;
    }
}
