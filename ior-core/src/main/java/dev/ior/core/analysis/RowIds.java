package dev.ior.core.analysis;

import java.util.Arrays;
import org.agrona.collections.Int2IntHashMap;

/**
 * Dense row numbers for the keys of one table dimension (paths, pids or comms),
 * counted by how many fine keys refer to each, so that a publication sums keys into
 * rows by array index. A number whose last key is gone is reused. Pipeline thread only.
 */
final class RowIds {

    private final Int2IntHashMap rowByKey = new Int2IntHashMap(-1);
    private int[] keyByRow = new int[64];
    private int[] references = new int[64];
    private int[] spare = new int[16];
    private int spareCount;
    private int size;

    /** The row of {@code key}, made if new; one more reference to it. */
    int acquire(int key) {
        int row = rowByKey.get(key);
        if (row < 0) {
            row = spareCount > 0 ? spare[--spareCount] : size++;
            if (row == keyByRow.length) {
                keyByRow = Arrays.copyOf(keyByRow, row * 2);
                references = Arrays.copyOf(references, row * 2);
            }
            keyByRow[row] = key;
            rowByKey.put(key, row);
        }
        references[row]++;
        return row;
    }

    /** One reference less to {@code row}; the row goes with its last one (then true). */
    boolean release(int row) {
        if (--references[row] > 0) {
            return false;
        }
        rowByKey.remove(keyByRow[row]);
        if (spareCount == spare.length) {
            spare = Arrays.copyOf(spare, spareCount * 2);
        }
        spare[spareCount++] = row;
        return true;
    }

    /** How many keys have rows. */
    int count() {
        return rowByKey.size();
    }

    /** Whether {@code key} has a row. */
    boolean contains(int key) {
        return rowByKey.containsKey(key);
    }

    /** Row numbers in use are below this (those with references). */
    int limit() {
        return size;
    }

    boolean inUse(int row) {
        return references[row] > 0;
    }

    int key(int row) {
        return keyByRow[row];
    }
}
