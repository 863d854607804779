package io.gull.flink.auth;

import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

import io.gull.schemas.avro.AuthRequest;

/**
 * An auth request for a device not (yet) in the registry, answered at {@code deadline} (processing time, ms).
 * Kept in keyed state {@code pending-auth} (POJO serializer: fields may be added, they restore with Java defaults).
 *
 * @param appendedAt when the broker appended the request to gull.auth.requests (epoch ms), for its age;
 *                   0 = not known (entries restored from a device-auth checkpoint, records without a timestamp)
 */
public record PendingAuth(AuthRequest request, long deadline, long appendedAt) {

    public static final TypeInformation<PendingAuth> TYPE = Types.POJO(PendingAuth.class, Map.of(
            "request", AuthTypes.AUTH_REQUEST,
            "deadline", Types.LONG,
            "appendedAt", Types.LONG));
}
