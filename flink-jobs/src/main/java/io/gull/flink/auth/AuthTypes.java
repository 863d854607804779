package io.gull.flink.auth;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

import io.gull.schemas.avro.AuthRequest;
import io.gull.schemas.avro.DeviceRecord;
import io.gull.schemas.avro.EdgeMessage;

/**
 * Flink type information of the Avro records the auth job keeps in state or sends between operators. Given
 * explicitly: Avro's own serializer (schema evolution, logical types) instead of a Kryo fallback.
 */
public final class AuthTypes {
    public static final TypeInformation<AuthRequest> AUTH_REQUEST = new AvroTypeInfo<>(AuthRequest.class);
    public static final TypeInformation<DeviceRecord> DEVICE_RECORD = new AvroTypeInfo<>(DeviceRecord.class);
    public static final TypeInformation<EdgeMessage> EDGE_MESSAGE = new AvroTypeInfo<>(EdgeMessage.class);

    private AuthTypes() {
    }
}
