package org.endorsements.query.reconciliation;

/**
 * The last endorsement event seen per endorsement (aggregate), kept in two primitive arrays: a recount of 1 M
 * signatures held a {@code HashMap<String, …>} of 155 MB in a service with a 768 MB heap; these take 27 to 53 bytes
 * per endorsement (37 MB at 1 M, measured).
 *
 * <p>An endorsement is keyed by a 64-bit hash of its aggregate id instead of the id itself. Two ids with the same
 * hash would be merged; among a million ids the chance that any two collide is about 3 × 10⁻⁸.
 */
final class LastEvents {

    /** What is known of one endorsement's last event. */
    record Last(long sequence, int statement, boolean endorsed) {
    }

    private static final long EMPTY = 0;
    private static final int STATEMENT_BITS = 24;
    private static final double LOAD = 0.6;

    private long[] keys = new long[1024];
    private long[] values = new long[1024];
    private int size;

    /** Records an event; the one with the highest sequence per endorsement wins, in whatever order they come. */
    void offer(String aggregateId, long sequence, int statement, boolean endorsed) {
        if (statement < 0 || statement >= 1 << STATEMENT_BITS || sequence < 0 || sequence >= 1L << 38) {
            throw new IllegalArgumentException("statement index or sequence out of range");
        }
        if (size + 1 > keys.length * LOAD) {
            grow();
        }
        long key = hash(aggregateId);
        long value = (sequence << (STATEMENT_BITS + 1)) | ((long) statement << 1) | (endorsed ? 1 : 0);
        int slot = slot(keys, key);
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            values[slot] = value;
            size++;
        } else if (sequenceOf(value) >= sequenceOf(values[slot])) {
            values[slot] = value;
        }
    }

    /** The last event of an endorsement, or null when none was offered. */
    Last get(String aggregateId) {
        int slot = slot(keys, hash(aggregateId));
        return keys[slot] == EMPTY ? null : decode(values[slot]);
    }

    /** Calls {@code consumer} with every endorsement's last event. */
    void forEach(java.util.function.Consumer<Last> consumer) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                consumer.accept(decode(values[i]));
            }
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slot(keys, oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    /** Linear probing from the key's home slot to the key itself or the first empty slot. */
    private static int slot(long[] table, long key) {
        int mask = table.length - 1;
        int slot = (int) (mix(key) & mask);
        while (table[slot] != EMPTY && table[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static Last decode(long value) {
        return new Last(sequenceOf(value), (int) ((value >>> 1) & ((1 << STATEMENT_BITS) - 1)), (value & 1) == 1);
    }

    private static long sequenceOf(long value) {
        return value >>> (STATEMENT_BITS + 1);
    }

    /** Two independent 32-bit hashes of the id (Java's and FNV-1a); never 0, which marks an empty slot. */
    static long hash(String id) {
        int fnv = 0x811c9dc5;
        for (int i = 0; i < id.length(); i++) {
            fnv = (fnv ^ id.charAt(i)) * 0x01000193;
        }
        long hash = ((long) id.hashCode() << 32) | (fnv & 0xffffffffL);
        return hash == EMPTY ? 1 : hash;
    }

    /** Spreads the bits so that ids differing only at the end do not crowd neighbouring slots. */
    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }
}
