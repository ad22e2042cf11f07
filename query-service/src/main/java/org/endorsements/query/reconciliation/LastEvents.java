package org.endorsements.query.reconciliation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The last endorsement event seen per endorsement (aggregate), kept in two primitive arrays of 27 to 53 bytes per
 * endorsement: a {@code HashMap<String, …>} takes several times that, a large part of the service's heap for a
 * recount of a million signatures.
 *
 * <p>An endorsement is keyed by a 64-bit hash of its aggregate id instead of the id itself: HMAC-SHA-256 under a
 * random key drawn for each recount, truncated. Two ids with the same hash would be merged (and could hide or
 * invent a difference); among a million ids the chance that any two collide is about 3 × 10⁻⁸. The key is secret
 * and new every time, so ids cannot be chosen to collide (organization ids are chosen by whoever registers them).
 */
final class LastEvents {

    /** What is known of one endorsement's last event. */
    record Last(long sequence, int statement, boolean endorsed) {}

    private static final long EMPTY = 0;
    private static final int STATEMENT_BITS = 24;
    private static final double LOAD = 0.6;

    private final Mac hmac;
    private long[] keys = new long[1024];
    private long[] values = new long[1024];
    private int size;

    LastEvents() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

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
    void forEach(Consumer<Last> consumer) {
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

    /** Linear probing (the keys are uniform already) from the key's home slot to the key or the first empty slot. */
    private static int slot(long[] table, long key) {
        int mask = table.length - 1;
        int slot = (int) (key & mask);
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

    /** The first 64 bits of the id's HMAC under this recount's key; never 0, which marks an empty slot. */
    private long hash(String id) {
        byte[] mac = hmac.doFinal(id.getBytes(StandardCharsets.UTF_8));
        long hash = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            hash = (hash << 8) | (mac[i] & 0xff);
        }
        return hash == EMPTY ? 1 : hash;
    }
}
