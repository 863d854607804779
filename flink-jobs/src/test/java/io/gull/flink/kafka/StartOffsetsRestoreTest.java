package io.gull.flink.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.gull.flink.JobArgs;
import io.gull.flink.JobEnvironment;
import io.gull.flink.testing.CollectingSink;
import io.gull.flink.testing.EmbeddedKafka;
import io.gull.schemas.Topics;

/**
 * A source restored from a snapshot taken before it read anything of a partition starts where the first run started,
 * not at the end: records written while the job was down are read. Flink's reader-resolved "committed offsets, else
 * latest" skipped them (the sessions job lost a Flink outage's messages this way).
 */
class StartOffsetsRestoreTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(1)
            .build());

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(Map.of(Topics.INGRESS, Map.of()));
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldReadWhatWasWrittenWhileStoppedWhenItsSnapshotPredatesTheFirstRecordOfThePartition(@TempDir Path dir)
            throws Exception {
        // given the routing source of a job that ran on an empty partition and was stopped with a savepoint
        JobClient first = start(new CollectingSink<>("before-stop"), null);
        String savepoint = stopWithSavepoint(first, dir);

        // when messages are published while the job is down, and the job is resumed from the savepoint
        for (int i = 0; i < 3; i++) {
            kafka.send(Topics.INGRESS, bytes("dev1"), bytes("m" + i));
        }
        CollectingSink<Long> resumed = new CollectingSink<>("after-restore");
        JobClient second = start(resumed, savepoint);

        // then it reads every one of them
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> resumed.received().size() >= 3);
            assertThat(resumed.received()).containsExactly(0L, 1L, 2L);
        } finally {
            second.cancel().get();
        }
    }

    private static JobClient start(CollectingSink<Long> sink, String savepoint) throws Exception {
        JobArgs args = JobArgs.parse(new String[] {
            "--kafka.bootstrap", kafka.bootstrapServers(), "--checkpoint.interval-ms", "200"});
        Configuration conf = JobEnvironment.configuration(args);
        if (savepoint != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.fromSource(KafkaConnectors.routedIngress(args.kafkaBootstrap()), WatermarkStrategy.noWatermarks(),
                        "ingress")
                .uid("ingress-source")
                .returns(RawRecord.TYPE)
                .map(RawRecord::offset).returns(Long.class).uid("offsets")
                .sinkTo(sink).uid("collect");
        return env.executeAsync("start-offsets-" + sink.hashCode());
    }

    /** Stops the job with a savepoint once every task runs (a savepoint needs them all); returns its path. */
    private static String stopWithSavepoint(JobClient job, Path dir) {
        AtomicReference<String> path = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            if (job.getJobStatus().get() != JobStatus.RUNNING) {
                return false;
            }
            path.set(job.stopWithSavepoint(false, dir.toUri().toString(), SavepointFormatType.CANONICAL).get());
            return true;
        });
        return path.get();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
