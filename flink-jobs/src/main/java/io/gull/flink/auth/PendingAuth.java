package io.gull.flink.auth;

import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

import io.gull.schemas.avro.AuthRequest;

/** An auth request for a device not (yet) in the registry, answered at {@code deadline} (processing time, ms). */
public record PendingAuth(AuthRequest request, long deadline) {

    public static final TypeInformation<PendingAuth> TYPE = Types.POJO(PendingAuth.class, Map.of(
            "request", AuthTypes.AUTH_REQUEST,
            "deadline", Types.LONG));
}
