package io.gull.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Parsing of the two Flink REST answers, with bodies shaped like Flink 2.x's. */
class FlinkRestTest {
    @Test
    void findsTheRunningJobByName() throws Exception {
        var overview = FlinkRest.parse("""
                {"jobs":[
                  {"jid":"aaa","name":"gull-sessions","state":"FAILED"},
                  {"jid":"bbb","name":"gull-telemetry","state":"RUNNING"},
                  {"jid":"ccc","name":"gull-sessions","state":"RUNNING","start-time":1}
                ]}""");
        assertThat(FlinkRest.runningJobIn(overview, "gull-sessions")).contains("ccc");
        assertThat(FlinkRest.runningJobIn(overview, "nope")).isEmpty();
    }

    @Test
    void readsFullAndIncrementalSizesOfTheLatestCompletedCheckpoint() throws Exception {
        var checkpoints = FlinkRest.parse("""
                {"counts":{"completed":12,"in_progress":1},
                 "latest":{"completed":{"className":"completed","id":12,"status":"COMPLETED","is_savepoint":false,
                   "trigger_timestamp":1764619200000,"latest_ack_timestamp":1764619200150,
                   "state_size":52428800,"checkpointed_size":65536,"checkpoint_type":"CHECKPOINT"},
                   "savepoint":null,"failed":null,"restored":null},
                 "history":[]}""");
        assertThat(FlinkRest.latestCompletedIn(checkpoints))
                .contains(new CheckpointStats(12, 1764619200000L, 52_428_800, 65_536));
    }

    @Test
    void aCheckpointWithoutCheckpointedSizeIsAFullOne() throws Exception {
        var checkpoints = FlinkRest.parse("""
                {"latest":{"completed":{"id":3,"trigger_timestamp":5,"state_size":1000}}}""");
        assertThat(FlinkRest.latestCompletedIn(checkpoints)).contains(new CheckpointStats(3, 5, 1000, 1000));
    }

    @Test
    void noCompletedCheckpointYet() throws Exception {
        assertThat(FlinkRest.latestCompletedIn(FlinkRest.parse("""
                {"counts":{"completed":0},"latest":{"completed":null,"savepoint":null},"history":[]}"""))).isEmpty();
    }
}
