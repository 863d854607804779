package io.gull.bench;

import java.util.BitSet;
import java.util.function.IntToLongFunction;

/**
 * Which messages each receiver got, to count what is missing and what came twice. A receiver expects the
 * sequence numbers 0 .. expected-1 of one source (its publisher, its device's command stream); {@link #tally}
 * is asked after the run with the count each receiver should have got. Thread-safe.
 */
public final class DeliveryLedger {
    private final BitSet[] seen;
    private final long[] duplicates;
    private final long[] outOfRange;

    public DeliveryLedger(int receivers) {
        if (receivers <= 0) {
            throw new IllegalArgumentException("receivers must be > 0, not " + receivers);
        }
        seen = new BitSet[receivers];
        duplicates = new long[receivers];
        outOfRange = new long[receivers];
        for (int i = 0; i < receivers; i++) {
            seen[i] = new BitSet();
        }
    }

    public int receivers() {
        return seen.length;
    }

    /** Records that {@code receiver} got message {@code seq}; false when it had got it before (a duplicate). */
    public boolean record(int receiver, long seq) {
        BitSet bits = seen[receiver];
        synchronized (bits) {
            if (seq < 0 || seq > Integer.MAX_VALUE - 1) {
                outOfRange[receiver]++;
                return false;
            }
            int index = (int) seq;
            if (bits.get(index)) {
                duplicates[receiver]++;
                return false;
            }
            bits.set(index);
            return true;
        }
    }

    /**
     * Missing = expected sequence numbers never received; duplicates = receptions of a message already received;
     * unexpected = receptions with a sequence number at or beyond what the receiver expects (or negative).
     */
    public Tally tally(IntToLongFunction expectedPerReceiver) {
        long missing = 0;
        long dups = 0;
        long unexpected = 0;
        long distinct = 0;
        long receiversMissing = 0;
        for (int r = 0; r < seen.length; r++) {
            long expected = expectedPerReceiver.applyAsLong(r);
            BitSet bits = seen[r];
            synchronized (bits) {
                long got = expected <= 0 ? 0 : bits.get(0, (int) Math.min(expected, Integer.MAX_VALUE)).cardinality();
                long beyond = bits.cardinality() - got;
                missing += expected - got;
                if (expected - got > 0) {
                    receiversMissing++;
                }
                distinct += got;
                dups += duplicates[r];
                unexpected += beyond + outOfRange[r];
            }
        }
        return new Tally(distinct, missing, dups, unexpected, receiversMissing);
    }

    /** Totals over all receivers. */
    public record Tally(long delivered, long missing, long duplicates, long unexpected, long receiversMissingSome) {
    }
}
