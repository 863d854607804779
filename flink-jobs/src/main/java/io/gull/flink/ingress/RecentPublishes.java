package io.gull.flink.ingress;

import java.util.Arrays;

/**
 * The last {@link #CAPACITY} QoS 1/2 packet ids one client used, each with the fingerprint of the message it
 * carried, oldest first: {@code [pid, fingerprint, pid, fingerprint, ...]} in a {@code long[]}, the form kept in
 * state (a few hundred bytes per publishing client). Pure logic, no Flink.
 *
 * <p>A PUBLISH with DUP set whose packet id is remembered with the same fingerprint is a resend of a message already
 * stored: the client lost the PUBACK or PUBREC (an edge died, the connection broke) and sent it again, perhaps to
 * another edge. Only a packet id's newest message counts, and a client can have at most Receive Maximum messages
 * unacknowledged, so a resend older than the last {@value #CAPACITY} packet ids passes as a new message (a
 * duplicate, never a loss).
 */
public final class RecentPublishes {
    public static final int CAPACITY = 64;

    private final long[] entries;

    private RecentPublishes(long[] entries) {
        this.entries = entries;
    }

    /** From state; {@code null} is none yet. */
    public static RecentPublishes of(long[] stored) {
        return new RecentPublishes(stored == null ? new long[0] : stored);
    }

    /** Whether a DUP PUBLISH with this packet id and fingerprint repeats the packet id's newest stored message. */
    public boolean isResend(int packetId, long fingerprint) {
        for (int i = entries.length - 2; i >= 0; i -= 2) {
            if (entries[i] == packetId) {
                return entries[i + 1] == fingerprint;
            }
        }
        return false;
    }

    /** This packet id now carries this message: the state to store, the oldest entry dropped beyond capacity. */
    public long[] remember(int packetId, long fingerprint) {
        long[] kept = new long[Math.min(entries.length + 2, CAPACITY * 2)];
        int next = kept.length - 2;
        kept[next] = packetId;
        kept[next + 1] = fingerprint;
        for (int i = entries.length - 2; i >= 0 && next > 0; i -= 2) {
            if (entries[i] != packetId) {
                next -= 2;
                kept[next] = entries[i];
                kept[next + 1] = entries[i + 1];
            }
        }
        return next == 0 ? kept : Arrays.copyOfRange(kept, next, kept.length);
    }
}
