package io.gull.schemas;

import io.gull.schemas.avro.AuthRequest;
import io.gull.schemas.avro.Command;
import io.gull.schemas.avro.DeviceRecord;
import io.gull.schemas.avro.EdgeHeartbeat;
import io.gull.schemas.avro.EdgeMessage;
import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SharedHandoff;

/**
 * One shared codec per record type that is the value of a Kafka record. The other records (AuthDecision,
 * Delivery, Kick, Subscription, DeliveryAck, Will) travel inside these and have no codec of their own.
 */
public final class Codecs {
    public static final AvroCodec<Publish> PUBLISH = AvroCodec.of(Publish.getClassSchema());
    public static final AvroCodec<SessionEvent> SESSION_EVENT = AvroCodec.of(SessionEvent.getClassSchema());
    public static final AvroCodec<AuthRequest> AUTH_REQUEST = AvroCodec.of(AuthRequest.getClassSchema());
    public static final AvroCodec<EdgeMessage> EDGE_MESSAGE = AvroCodec.of(EdgeMessage.getClassSchema());
    public static final AvroCodec<DeviceRecord> DEVICE_RECORD = AvroCodec.of(DeviceRecord.getClassSchema());
    public static final AvroCodec<Command> COMMAND = AvroCodec.of(Command.getClassSchema());
    public static final AvroCodec<EdgeHeartbeat> EDGE_HEARTBEAT = AvroCodec.of(EdgeHeartbeat.getClassSchema());
    public static final AvroCodec<SharedHandoff> SHARED_HANDOFF = AvroCodec.of(SharedHandoff.getClassSchema());

    private Codecs() {
    }
}
