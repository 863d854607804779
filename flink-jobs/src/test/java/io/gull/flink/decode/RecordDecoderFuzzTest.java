package io.gull.flink.decode;

import java.util.EnumMap;
import java.util.Map;

import io.gull.flink.decode.RecordInputs.Input;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Bad input at every decoder of the jobs' input topics, for a fixed budget ({@link FuzzBudget};
 * {@code -Dgull.fuzz.tries=N} for a long run): random bytes, records of every released schema, and records broken by
 * mutations all end as a decoded record without forbidden nulls or as a dead letter, never as an exception that would
 * fail the job, and decoding allocates in proportion to the record ({@link DecodingVerdict}).
 */
@AddLifecycleHook(FuzzBudget.class)
class RecordDecoderFuzzTest {
    /** One function per decoder for the whole run, as in a job (its malformed-record log stays short). */
    private static final Map<Decoders, DecodeFunction<Object>> FUNCTIONS = new EnumMap<>(Decoders.class);

    /** Decodes one record of each type first: what loading the codecs and schema history allocates is not counted. */
    @BeforeContainer
    static void warmUp() {
        for (Decoders decoder : Decoders.values()) {
            RecordInputs.records().sampleStream().filter(i -> i.decoder() == decoder).limit(3)
                    .forEach(DecodingVerdict::decodesOrRefuses);
        }
    }

    @Property(tries = 5000)
    void arbitraryBytesDecodeOrBecomeDeadLetters(@ForAll("arbitraryBytes") Input input) {
        DecodingVerdict.decodesOrRefuses(input);
    }

    @Property(tries = 4000)
    void recordsOfEveryReleasedSchemaDecodeCompletelyOrBecomeDeadLetters(@ForAll("records") Input input) {
        DecodingVerdict.decodesOrRefuses(input);
    }

    @Property(tries = 20000)
    void brokenRecordsDecodeOrBecomeDeadLetters(@ForAll("brokenRecords") Input input) {
        DecodingVerdict.decodesOrRefuses(input);
    }

    @Property(tries = 5000)
    void theDecodeFunctionPassesOnOrDeadLettersEveryRecord(@ForAll("brokenRecords") Input input) throws Exception {
        DecodingVerdict.passesOnOrDeadLetters(function(input.decoder()), input);
    }

    @SuppressWarnings("unchecked")
    private static DecodeFunction<Object> function(Decoders decoder) {
        return FUNCTIONS.computeIfAbsent(decoder, d -> new DecodeFunction<>((RecordDecoder<Object>) d.decoder));
    }

    @Provide
    Arbitrary<Input> arbitraryBytes() {
        return RecordInputs.arbitraryBytes();
    }

    @Provide
    Arbitrary<Input> records() {
        return RecordInputs.records();
    }

    @Provide
    Arbitrary<Input> brokenRecords() {
        return RecordInputs.brokenRecords();
    }
}
