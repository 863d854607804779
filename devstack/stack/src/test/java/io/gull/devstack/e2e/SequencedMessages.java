package io.gull.devstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.awaitility.core.ConditionTimeoutException;

import io.gull.devstack.testing.SharedStack;

/**
 * The fault tests' stream: sequence-numbered payloads ({@code seq-<n>}) published one at a time, each once
 * acknowledged, and the checks that every acknowledged one arrived (to a subscriber, as one telemetry row each).
 * A failed check names only what is missing and reports the Flink jobs' counters.
 */
final class SequencedMessages {
    static final Duration WAIT = Duration.ofSeconds(180);

    private SequencedMessages() {
    }

    /** Publishes {@code seq-from}..{@code seq-(to-1)} to {@code topic}, each returning once acknowledged. */
    static List<String> publish(V5Client publisher, String topic, int from, int to, int qos) throws Exception {
        List<String> payloads = new ArrayList<>(IntStream.range(from, to).mapToObj(i -> "seq-" + i).toList());
        for (String payload : payloads) {
            publisher.publish(topic, payload, qos, false);
        }
        return payloads;
    }

    /** Waits until every payload of {@code sent} was received. */
    static void awaitEvery(List<String> sent, Supplier<List<String>> received) {
        try {
            await().atMost(WAIT).untilAsserted(() -> assertNoneMissing(sent, received.get()));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "\n" + FlinkOperatorMetrics.report(), e);
        }
    }

    /** Cassandra holds exactly one telemetry row of each payload the publisher sent to {@code topic}. */
    static void assertOneRowEach(String publisherId, String topic, Instant since, List<String> sent) {
        SharedStack shared = SharedStack.get();
        try (TelemetryRows rows = new TelemetryRows(shared.endpoints().cassandraContactPoint(),
                shared.config().keyspace())) {
            Supplier<List<String>> stored = () -> rows.of(publisherId, since).stream()
                    .filter(row -> row.topic().equals(topic)).map(TelemetryRows.StoredMessage::payload).toList();
            awaitEvery(sent, stored);
            assertThat(stored.get()).as("telemetry rows").doesNotHaveDuplicates();
        }
    }

    private static void assertNoneMissing(List<String> sent, List<String> received) {
        Set<String> got = new HashSet<>(received);
        List<String> missing = sent.stream().filter(payload -> !got.contains(payload)).toList();
        assertThat(missing).as("of %d sent, missing (%d received in all)", sent.size(), received.size()).isEmpty();
    }
}
