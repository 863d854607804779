package io.gull.flink.decode;

import java.util.Map;

import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.OutputTag;

import io.gull.flink.kafka.RawRecord;

/** A record that could not be processed, with where it came from and why; it goes to gull.deadletter. */
public record DeadLetter(String sourceTopic, int partition, long offset, byte[] key, byte[] value, String reason) {

    public static final TypeInformation<DeadLetter> TYPE = Types.POJO(DeadLetter.class, Map.of(
            "sourceTopic", Types.STRING,
            "partition", Types.INT,
            "offset", Types.LONG,
            "key", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO,
            "value", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO,
            "reason", Types.STRING));

    /** The side output every decoding operator sends its dead letters to. */
    public static final OutputTag<DeadLetter> TAG = new OutputTag<>("dead-letters", TYPE);

    public static DeadLetter of(RawRecord record, String reason) {
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(), record.value(), reason);
    }
}
