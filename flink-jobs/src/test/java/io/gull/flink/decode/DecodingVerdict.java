package io.gull.flink.decode;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import io.gull.flink.decode.RecordInputs.Input;
import io.gull.flink.kafka.RawRecord;
import io.gull.schemas.MalformedRecordException;

/**
 * Judges one decoded input: the decoder returned a record with no null where its schema forbids one, or refused it
 * with a {@link MalformedRecordException} (a dead letter), and nothing else; and it allocated in proportion to the
 * input, not to what the input claims. Through the {@link DecodeFunction}: exactly one record or one dead letter
 * that carries the input unchanged.
 */
final class DecodingVerdict {
    /** What decoding may allocate: a fixed allowance plus a multiple of the input's size. */
    static final long FIXED_ALLOCATION = 8L * 1024 * 1024;
    static final int ALLOCATION_PER_INPUT_BYTE = 64;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private DecodingVerdict() {
    }

    /** Decodes {@code input} with its decoder alone and checks the outcome. */
    static void decodesOrRefuses(Input input) {
        RawRecord raw = input.raw();
        long before = THREADS.getCurrentThreadAllocatedBytes();
        Object decoded;
        try {
            decoded = input.decoder().decoder.decode(raw);
        } catch (MalformedRecordException refused) {
            check(refused.getMessage() != null && !refused.getMessage().isEmpty(), "a refusal without a reason");
            decoded = null;
        } catch (Throwable escaped) {
            throw new AssertionError(input.decoder() + " threw " + escaped + " instead of refusing the record", escaped);
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        long length = input.value() == null ? 0 : input.value().length;
        check(allocated <= FIXED_ALLOCATION + ALLOCATION_PER_INPUT_BYTE * length,
                input.decoder() + " allocated " + allocated + " bytes for a value of " + length + " bytes");
        if (decoded != null) {
            for (SpecificRecord record : Decoders.recordsIn(decoded)) {
                List<String> nulls = ForbiddenNulls.in(record);
                check(nulls.isEmpty(), input.decoder() + " returned null where the schema forbids it: " + nulls);
            }
        }
    }

    /** Runs {@code input} through {@code function} (of the input's decoder) and checks what came out. */
    static void passesOnOrDeadLetters(DecodeFunction<Object> function, Input input) throws Exception {
        List<Object> out = new ArrayList<>();
        List<DeadLetter> dead = new ArrayList<>();
        ProcessFunction<RawRecord, Object>.Context ctx = function.new Context() {
            @Override
            public Long timestamp() {
                return null;
            }

            @Override
            public TimerService timerService() {
                throw new UnsupportedOperationException("decoding sets no timers");
            }

            @Override
            public <X> void output(OutputTag<X> tag, X value) {
                check(tag.equals(DeadLetter.TAG), "output to an unexpected side output " + tag);
                dead.add((DeadLetter) value);
            }
        };
        RawRecord raw = input.raw();
        function.processElement(raw, ctx, new Collector<>() {
            @Override
            public void collect(Object record) {
                out.add(record);
            }

            @Override
            public void close() {
            }
        });
        check(out.size() + dead.size() == 1, "one record in, " + out.size() + " records and " + dead.size()
                + " dead letters out");
        for (DeadLetter letter : dead) {
            check(letter.sourceTopic().equals(raw.topic()) && letter.partition() == raw.partition()
                            && letter.offset() == raw.offset() && letter.key() == raw.key()
                            && letter.value() == raw.value(),
                    "the dead letter does not carry the record it stands for: " + letter);
            check(letter.reason() != null && !letter.reason().isEmpty(), "a dead letter without a reason");
        }
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new AssertionError(failure);
        }
    }
}
