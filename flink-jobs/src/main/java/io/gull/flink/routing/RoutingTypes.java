package io.gull.flink.routing;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

import io.gull.schemas.avro.Command;
import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.Subscription;

/** Flink type information of the Avro records routing keeps in state or sends between operators (never Kryo). */
public final class RoutingTypes {
    public static final TypeInformation<Publish> PUBLISH = new AvroTypeInfo<>(Publish.class);
    public static final TypeInformation<Subscription> SUBSCRIPTION = new AvroTypeInfo<>(Subscription.class);
    public static final TypeInformation<SessionEvent> SESSION_EVENT = new AvroTypeInfo<>(SessionEvent.class);
    public static final TypeInformation<Command> COMMAND = new AvroTypeInfo<>(Command.class);

    private RoutingTypes() {
    }
}
