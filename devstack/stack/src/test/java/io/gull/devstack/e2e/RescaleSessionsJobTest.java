package io.gull.devstack.e2e;

import static io.gull.devstack.e2e.PubSubFixture.edgeA;
import static io.gull.devstack.e2e.PubSubFixture.edgeB;
import static io.gull.devstack.e2e.PubSubFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.gull.devstack.GullStack;
import io.gull.devstack.JobName;
import io.gull.devstack.JobRescale;
import io.gull.devstack.testing.SharedStack;

/**
 * Stop-with-savepoint at parallelism 1 and resume at parallelism 2 loses nothing of the sessions job's state: a
 * persistent session, its exact and wildcard subscriptions, the messages queued for it while offline, and retained
 * messages; and a later restart of Flink resumes the job at the new parallelism. Runs late and puts the job back to
 * parallelism 1 after each test: it stops the shared stack's sessions job (and restarts Flink).
 */
@Order(Integer.MAX_VALUE - 3)
class RescaleSessionsJobTest {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final long ONE_HOUR = 3600;
    private static final int QUEUED = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void awaitTheSessionsJob() {
        awaitConnectsServed();
    }

    /** And leaves it serving again: a restored job answers connects a moment after its tasks run. */
    @AfterEach
    void putTheSessionsJobBackToParallelismOne() {
        JobRescale back = SharedStack.get().stack().rescaleJob("gull-sessions", 1);
        assertThat(parallelismsOf(back.jobId())).containsOnly(1);
        awaitConnectsServed();
    }

    @Test
    void shouldKeepSubscriptionsQueuedAndRetainedMessagesWhenTheSessionsJobIsRescaledFromOneToTwo() throws Exception {
        String prefix = unique("rescale");
        String subscriberId = unique("sub");
        String exact = prefix + "/exact";
        String wildcard = prefix + "/wild/#";
        String retainedTopic = prefix + "/retained/config";
        GullStack stack = SharedStack.get().stack();
        try (V5Client publisher = V5Client.connect(edgeA(), unique("pub"), true, 0);
                V5Client control = V5Client.connect(edgeA(), unique("control"), true, 0)) {
            // given a persistent session on edge B with an exact and a wildcard subscription, offline
            try (V5Client subscriber = V5Client.connect(edgeB(), subscriberId, true, ONE_HOUR)) {
                subscriber.subscribe(exact, 1);
                subscriber.subscribe(wildcard, 1);
                Routes.awaitActive(publisher, subscriber, exact);
                Routes.awaitActive(publisher, subscriber, prefix + "/wild/probe");
                subscriber.disconnect();
            }
            // and QoS 1 messages queued for it on both subscriptions, and a retained message
            control.subscribe(prefix + "/#", 1);
            Routes.awaitActive(publisher, control, prefix + "/control-probe");
            List<String> onExact = new ArrayList<>();
            List<String> onWildcard = new ArrayList<>();
            for (int i = 0; i < QUEUED; i++) {
                String payload = "queued-" + i;
                publisher.publish(i % 2 == 0 ? exact : prefix + "/wild/data", payload, 1, false);
                (i % 2 == 0 ? onExact : onWildcard).add(payload);
            }
            publisher.publish(retainedTopic, "retained-before", 1, true);
            // (routed by the job before it stops: the control subscriber, matched with it, has them all)
            List<String> everything = new ArrayList<>(onExact);
            everything.addAll(onWildcard);
            everything.add("retained-before");
            await().atMost(WAIT).until(() -> control.payloadsOn(prefix + "/").containsAll(everything));

            // when the sessions job is stopped with a savepoint at parallelism 1 and resumed from it at parallelism 2
            JobRescale rescale = stack.rescaleJob("gull-sessions", 2);

            assertThat(rescale.job()).isEqualTo(JobName.SESSIONS);
            assertThat(rescale.fromParallelism()).isEqualTo(1);
            assertThat(rescale.resumedFrom().resolve("_metadata")).isRegularFile();
            assertThat(rescale.jobId()).isNotEqualTo(rescale.stoppedJobId());
            assertThat(parallelismsOf(rescale.jobId())).containsOnly(2);
            await().atMost(WAIT).untilAsserted(() -> assertThat(restoredFrom(rescale.jobId())).isNotEmpty()
                    .satisfies(from -> assertThat(Path.of(URI.create(from))).isEqualTo(rescale.resumedFrom())));

            // then the subscriber resumes its session and gets what was queued, in order
            awaitConnectsServed();
            try (V5Client resumed = V5Client.connect(edgeA(), subscriberId, false, ONE_HOUR)) {
                assertThat(resumed.sessionPresent()).isTrue();
                await().atMost(WAIT).until(() -> queuedOn(resumed, exact).size() + queuedOn(resumed, prefix + "/wild/")
                        .size() >= QUEUED);
                assertThat(queuedOn(resumed, exact)).containsExactlyElementsOf(onExact);
                assertThat(queuedOn(resumed, prefix + "/wild/")).containsExactlyElementsOf(onWildcard);

                // and both subscriptions still route new messages to it
                publisher.publish(exact, "after-exact", 1, false);
                publisher.publish(prefix + "/wild/after", "after-wildcard", 1, false);
                await().atMost(WAIT).until(() -> resumed.payloadsOn(prefix + "/").containsAll(
                        List.of("after-exact", "after-wildcard")));
            }

            // and a new subscriber gets the retained message, by its exact topic and by a wildcard
            try (V5Client byTopic = V5Client.connect(edgeB(), unique("late"), true, 0);
                    V5Client byWildcard = V5Client.connect(edgeA(), unique("late"), true, 0)) {
                byTopic.subscribe(retainedTopic, 1);
                byWildcard.subscribe(prefix + "/retained/#", 1);
                for (V5Client late : List.of(byTopic, byWildcard)) {
                    await().atMost(WAIT).until(() -> !late.messagesOn(retainedTopic).isEmpty());
                    assertThat(late.messagesOn(retainedTopic)).singleElement().satisfies(m -> {
                        assertThat(m.payload()).isEqualTo("retained-before");
                        assertThat(m.retained()).isTrue();
                    });
                }
            }
        }
    }

    @Test
    void shouldResumeAtTheNewParallelismWhenFlinkRestartsAfterARescale() throws Exception {
        String prefix = unique("rescale-restart");
        String subscriberId = unique("sub");
        GullStack stack = SharedStack.get().stack();
        try (V5Client publisher = V5Client.connect(edgeA(), unique("pub"), true, 0)) {
            // given a persistent session with a subscription, offline, and the sessions job rescaled to parallelism 2
            try (V5Client subscriber = V5Client.connect(edgeB(), subscriberId, true, ONE_HOUR)) {
                subscriber.subscribe(prefix + "/#", 1);
                Routes.awaitActive(publisher, subscriber, prefix + "/probe");
                subscriber.disconnect();
            }
            JobRescale rescale = stack.rescaleJob("gull-sessions", 2);
            publisher.publish(prefix + "/data", "before-restart", 1, false);
            Path checkpoints = SharedStack.get().config().dataDir().resolve("flink/checkpoints/" + rescale.jobId());
            await().atMost(WAIT).until(() -> hasCompleteCheckpoint(checkpoints));

            // when Flink is stopped and started again (the jobs are submitted as on ./gull up)
            stack.stopService("flink");
            stack.startService("flink");

            // then the sessions job runs at parallelism 2 again, from the rescaled job's own checkpoint
            String restarted = runningJob("gull-sessions");
            assertThat(parallelismsOf(restarted)).containsOnly(2);
            await().atMost(WAIT).untilAsserted(() -> assertThat(restoredFrom(restarted))
                    .contains(rescale.jobId() + "/chk-"));
            // with the session and what was queued for it
            awaitConnectsServed();
            try (V5Client resumed = V5Client.connect(edgeA(), subscriberId, false, ONE_HOUR)) {
                assertThat(resumed.sessionPresent()).isTrue();
                await().atMost(WAIT).until(() -> resumed.payloadsOn(prefix + "/data").contains("before-restart"));
            }
        }
    }

    /** The queued messages a client got on a topic prefix (the probes that made sure it was subscribed left out). */
    private static List<String> queuedOn(V5Client client, String prefix) {
        return client.payloadsOn(prefix).stream().filter(p -> p.startsWith("queued-")).toList();
    }

    /** Waits until the sessions job answers connects (a resumed job takes a moment), so the next connect is answered. */
    private static void awaitConnectsServed() {
        String edge = edgeB(); // starts the shared stack on first use: not within the wait
        await().atMost(WAIT).ignoreExceptions().until(() -> {
            try (V5Client probe = V5Client.connect(edge, unique("ready"), true, 0)) {
                return probe.isConnected();
            }
        });
    }

    /** The parallelism of every vertex of a job, from Flink's REST API ({@code GET /jobs/<id>}). */
    private static List<Integer> parallelismsOf(String jobId) {
        JsonNode vertices = flinkRest("/jobs/" + jobId).path("vertices");
        return IntStream.range(0, vertices.size()).mapToObj(i -> vertices.get(i).path("parallelism").asInt()).toList();
    }

    /** Where Flink restored a job from ({@code GET /jobs/<id>/checkpoints}: latest.restored.external_path). */
    private static String restoredFrom(String jobId) {
        return flinkRest("/jobs/" + jobId + "/checkpoints").path("latest").path("restored").path("external_path")
                .asText("");
    }

    private static boolean hasCompleteCheckpoint(Path jobCheckpoints) throws IOException {
        if (!Files.isDirectory(jobCheckpoints)) {
            return false;
        }
        try (Stream<Path> children = Files.list(jobCheckpoints)) {
            return children.anyMatch(c -> c.getFileName().toString().startsWith("chk-")
                    && Files.isRegularFile(c.resolve("_metadata")));
        }
    }

    /** The id of the running job with this name ({@code GET /jobs/overview}). */
    private static String runningJob(String name) {
        JsonNode jobs = flinkRest("/jobs/overview").path("jobs");
        return IntStream.range(0, jobs.size()).mapToObj(jobs::get)
                .filter(j -> j.path("name").asText().equals(name) && j.path("state").asText().equals("RUNNING"))
                .map(j -> j.path("jid").asText()).findFirst()
                .orElseThrow(() -> new AssertionError("no running job " + name + " in " + jobs));
    }

    private static JsonNode flinkRest(String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(SharedStack.get().endpoints().flinkRestUrl() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
