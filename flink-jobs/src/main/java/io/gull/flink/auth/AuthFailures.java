package io.gull.flink.auth;

import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * A client id's consecutive failed password checks, keyed state {@code auth-failures} of the sessions operator
 * (absent = none). POJO serializer with explicit fields, like the operator's other state: a field may be added later
 * and restores with its Java default.
 *
 * @param failures    consecutive failed password checks since the last success
 * @param lockedUntil until when (processing time, ms) CONNECTs with a password are refused unchecked; 0 = not locked
 */
public record AuthFailures(int failures, long lockedUntil) {

    public static final TypeInformation<AuthFailures> TYPE = Types.POJO(AuthFailures.class, Map.of(
            "failures", Types.INT,
            "lockedUntil", Types.LONG));

    public static final AuthFailures NONE = new AuthFailures(0, 0);

    public boolean lockedAt(long now) {
        return now < lockedUntil;
    }
}
