package io.gull.flink.kafka;

import java.util.Map;

import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * One Kafka record exactly as consumed: where it came from, its timestamp, its key and its value (either may be null;
 * a null value is a tombstone). Decoding happens in a later operator so a bad record becomes a dead letter
 * instead of failing the source.
 *
 * @param timestamp the record's Kafka timestamp in epoch ms ({@code ConsumerRecord.timestamp()}): the broker's clock
 *                  on a topic with {@code message.timestamp.type=LogAppendTime} (gull.auth.requests), else the
 *                  producer's; {@link #NO_TIMESTAMP} when it has none
 */
public record RawRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value) {
    /** Kafka's value for a record without a timestamp. */
    public static final long NO_TIMESTAMP = -1;

    /** Flink type information, given explicitly so no reflection-based guess is involved. */
    public static final TypeInformation<RawRecord> TYPE = Types.POJO(RawRecord.class, Map.of(
            "topic", Types.STRING,
            "partition", Types.INT,
            "offset", Types.LONG,
            "timestamp", Types.LONG,
            "key", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO,
            "value", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));

    /** Where the record came from, for log lines: {@code topic-partition@offset}. */
    public String position() {
        return topic + "-" + partition + "@" + offset;
    }
}
