package io.gull.flink.decode;

import java.io.Serializable;

import io.gull.flink.kafka.RawRecord;
import io.gull.schemas.MalformedRecordException;

/** Turns a raw Kafka record into a typed one. */
@FunctionalInterface
public interface RecordDecoder<T> extends Serializable {
    /**
     * @throws MalformedRecordException when the record cannot be used; the message becomes the dead letter's reason
     */
    T decode(RawRecord record);
}
