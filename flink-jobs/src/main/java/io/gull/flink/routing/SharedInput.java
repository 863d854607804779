package io.gull.flink.routing;

import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/** The input of the shared-group operator, keyed by shared subscription: exactly one of a message and a member. */
public record SharedInput(SharedMatch match, SharedMember member) {

    public static final TypeInformation<SharedInput> TYPE = Types.POJO(SharedInput.class, Map.of(
            "match", SharedMatch.TYPE,
            "member", SharedMember.TYPE));

    public static SharedInput ofMatch(SharedMatch match) {
        return new SharedInput(match, null);
    }

    public static SharedInput ofMember(SharedMember member) {
        return new SharedInput(null, member);
    }

    public String key() {
        return match != null ? match.group() : member.group();
    }
}
