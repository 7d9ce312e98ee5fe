package dev.ior.core.text;

import java.util.BitSet;

/**
 * The comm and path ids something still holds, gathered from every {@link IdHolder}
 * before the interners free the rest. Negative ids (none, unknown, "other") are not
 * interned and are ignored.
 */
public final class HeldIds {

    private final BitSet comms = new BitSet();
    private final BitSet paths = new BitSet();

    /** Notes that comm {@code id} is held. */
    public void comm(int id) {
        if (id >= 0) {
            comms.set(id);
        }
    }

    /** Notes that path {@code id} is held. */
    public void path(int id) {
        if (id >= 0) {
            paths.set(id);
        }
    }

    /** Whether comm {@code id} was noted. */
    public boolean hasComm(int id) {
        return comms.get(id);
    }

    /** Whether path {@code id} was noted. */
    public boolean hasPath(int id) {
        return paths.get(id);
    }
}
