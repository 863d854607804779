package io.gull.flink.session;

import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

import io.gull.schemas.avro.Will;

/**
 * One client's session, keyed state {@code session} of the sessions operator (its subscriptions are kept apart, in
 * map state {@code subscriptions}). POJO serializer with explicit fields: a field can be added later and restores
 * with its Java default (so a new field's default must mean "as before").
 *
 * @param tenant          the tenant of the device ({@code $anonymous} for anonymous clients)
 * @param edgeId          the edge of the owning (or last) connection
 * @param connectionId    the owning (or last) connection
 * @param online          a connection holds the session
 * @param protocolVersion 4 = MQTT 3.1.1, 5 = 5.0
 * @param expirySeconds   how long the session outlives its connection; {@link #NEVER} = for ever
 * @param receiveMaximum  the client's Receive Maximum
 * @param will            online: the will of the connection; offline: a will waiting for {@code willAt}; or null
 * @param willAt          offline: when the waiting will is published (processing time ms), else {@link #NONE}
 * @param endsAt          offline: when the session ends (processing time ms), else {@link #NONE}
 */
public record Session(String tenant, String edgeId, String connectionId, boolean online, int protocolVersion,
        long expirySeconds, int receiveMaximum, Will will, long willAt, long endsAt) {

    /** Session Expiry Interval 0xFFFFFFFF: the session never expires. */
    public static final long NEVER = 4_294_967_295L;
    /** No timer. */
    public static final long NONE = 0;

    public static final TypeInformation<Session> TYPE = Types.POJO(Session.class, Map.ofEntries(
            Map.entry("tenant", Types.STRING),
            Map.entry("edgeId", Types.STRING),
            Map.entry("connectionId", Types.STRING),
            Map.entry("online", Types.BOOLEAN),
            Map.entry("protocolVersion", Types.INT),
            Map.entry("expirySeconds", Types.LONG),
            Map.entry("receiveMaximum", Types.INT),
            Map.entry("will", new AvroTypeInfo<>(Will.class)),
            Map.entry("willAt", Types.LONG),
            Map.entry("endsAt", Types.LONG)));

    /** True when {@code connection} holds this session now. */
    public boolean ownedBy(String connection) {
        return online && connection != null && connection.equals(connectionId);
    }

    /** The session outlives its connection: its QoS 1/2 messages are queued while it is offline. */
    public boolean persistent() {
        return expirySeconds > 0;
    }

    Session offline(long expiry, Will waitingWill, long willTime, long endTime) {
        return new Session(tenant, edgeId, connectionId, false, protocolVersion, expiry, receiveMaximum, waitingWill,
                willTime, endTime);
    }

    Session withoutWill() {
        return new Session(tenant, edgeId, connectionId, online, protocolVersion, expirySeconds, receiveMaximum, null,
                NONE, endsAt);
    }
}
