package io.gull.flink.ingress;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;

import io.gull.schemas.avro.Publish;

/** Puts a {@link ResendFilter} (uid {@value #UID}) behind gull.ingress in a job. */
public final class Resends {
    public static final String UID = "resend-filter";

    private Resends() {
    }

    /** {@code publishes} without resends of messages already among them. */
    public static DataStream<Publish> dropped(DataStream<Publish> publishes) {
        return publishes
                .keyBy(ResendFilter::key, Types.STRING)
                .process(new ResendFilter(), new AvroTypeInfo<>(Publish.class))
                .name(UID)
                .uid(UID);
    }
}
