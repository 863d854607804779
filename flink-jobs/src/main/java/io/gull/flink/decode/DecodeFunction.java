package io.gull.flink.decode;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gull.flink.kafka.RawRecord;
import io.gull.schemas.MalformedRecordException;

/**
 * Decodes raw Kafka records; a record that does not decode goes to the {@link DeadLetter#TAG} side output
 * with the reason, and is logged (the first ten, then every thousandth), instead of failing the job.
 */
public final class DecodeFunction<T> extends ProcessFunction<RawRecord, T> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DecodeFunction.class);

    private final RecordDecoder<T> decoder;
    private transient long malformed;

    public DecodeFunction(RecordDecoder<T> decoder) {
        this.decoder = decoder;
    }

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<T> out) {
        T decoded;
        try {
            decoded = decoder.decode(record);
        } catch (MalformedRecordException e) {
            malformed++;
            if (malformed <= 10 || malformed % 1000 == 0) {
                LOG.warn("Sent malformed record {} to the dead-letter topic ({} so far in this subtask): {}",
                        record.position(), malformed, e.getMessage());
            }
            ctx.output(DeadLetter.TAG, DeadLetter.of(record, e.getMessage()));
            return;
        }
        out.collect(decoded);
    }
}
