package io.gull.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.gull.devstack.FlinkJobRecords.RememberedJob;

/**
 * Stop with a savepoint and resume at another parallelism, against a stand-in for the REST calls involved (stop,
 * savepoint status, job details, slots, jar run) and a data dir of records.
 */
class JobRescalerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSIONS = "io.gull.flink.SessionsJob";
    private static final String TELEMETRY = "io.gull.flink.TelemetryJob";
    private static final String SESSIONS_JOB = "0123456789abcdef0123456789abcdef";
    private static final String TELEMETRY_JOB = "fedcba9876543210fedcba9876543210";

    @TempDir
    Path dir;

    private final List<String> progress = new CopyOnWriteArrayList<>();
    private FakeFlink flink;
    private FlinkJobRecords records;
    private Path savepoints;

    @BeforeEach
    void setUp() throws IOException {
        flink = new FakeFlink();
        records = new FlinkJobRecords(dir.resolve("run/flink-jobs.properties"), dir.resolve("checkpoints"));
        savepoints = dir.resolve("savepoints");
        Files.writeString(dir.resolve("gull-flink-jobs.jar"), "jar");
        // both jobs run at parallelism 1 in a cluster of 4 slots
        flink.running(SESSIONS_JOB, 1);
        flink.running(TELEMETRY_JOB, 1);
        records.saveJobs(Map.of(SESSIONS, new RememberedJob(SESSIONS_JOB, null),
                TELEMETRY, new RememberedJob(TELEMETRY_JOB, null)));
    }

    @AfterEach
    void tearDown() {
        flink.close();
    }

    private JobRescaler rescaler(Duration savepointTimeout) {
        FlinkRestClient rest = new FlinkRestClient(flink.url());
        FlinkJobSubmitter submitter = new FlinkJobSubmitter(rest, dir.resolve("gull-flink-jobs.jar"),
                List.of("--kafka.bootstrap", "k:1"), records, progress::add, Duration.ofSeconds(10),
                dir.resolve("flink.log"), JobRestore.RESUME);
        return new JobRescaler(rest, records, submitter, savepoints, progress::add, savepointTimeout,
                dir.resolve("flink.log"));
    }

    /** A savepoint directory as Flink leaves it. */
    private Path savepoint(String name) throws IOException {
        Path savepoint = savepoints.resolve(name);
        Files.createDirectories(savepoint);
        Files.writeString(savepoint.resolve("_metadata"), "x");
        return savepoint;
    }

    @Test
    void shouldStopWithASavepointWithoutDrainingAndResumeFromItAtTheNewParallelism() throws Exception {
        // given Flink completes the savepoint on the second poll
        Path savepoint = savepoint("savepoint-012345-abcdef");
        flink.savepointLocation = savepoint.toUri().toString();
        flink.pollsInProgress = 1;

        // when
        JobRescale done = rescaler(Duration.ofSeconds(30)).rescale(JobName.SESSIONS, 2);

        // then Flink was asked to stop the job into the savepoints dir, without drain
        JsonNode stop = flink.stops.get(SESSIONS_JOB);
        assertThat(stop.path("drain").isBoolean()).isTrue();
        assertThat(stop.path("drain").asBoolean()).isFalse();
        assertThat(stop.path("targetDirectory").asText()).isEqualTo(savepoints.toUri().toString());
        // and the same entry class was run from the savepoint at parallelism 2, in the body and in its arguments
        assertThat(flink.runs).hasSize(1);
        JsonNode run = flink.runs.get(0);
        assertThat(run.path("entryClass").asText()).isEqualTo(SESSIONS);
        assertThat(run.path("savepointPath").asText()).isEqualTo(savepoint.toUri().toString());
        assertThat(run.path("parallelism").asInt()).isEqualTo(2);
        assertThat(run.path("programArgsList")).extracting(JsonNode::asText)
                .containsExactly("--kafka.bootstrap", "k:1", "--parallelism", "2");
        assertThat(run.has("allowNonRestoredState")).isFalse();
        assertThat(flink.uploads.get()).isZero();
        // and the data dir remembers the new job, its savepoint and its parallelism; the other job is untouched
        assertThat(done).isEqualTo(new JobRescale(JobName.SESSIONS, SESSIONS_JOB, 1, flink.lastJobId(), 2, savepoint));
        assertThat(records.jobs()).containsEntry(SESSIONS, new RememberedJob(flink.lastJobId(), savepoint, 2, null))
                .containsEntry(TELEMETRY, new RememberedJob(TELEMETRY_JOB, null));
        assertThat(flink.stops).doesNotContainKey(TELEMETRY_JOB);
        assertThat(progress).anyMatch(l -> l.contains("stopping with a savepoint (job " + SESSIONS_JOB
                + ", parallelism 1)"))
                .anyMatch(l -> l.contains("stopped with savepoint savepoint-012345-abcdef"))
                .anyMatch(l -> l.contains("resuming from savepoints/savepoint-012345-abcdef, parallelism 2"))
                .anyMatch(l -> l.contains("running at parallelism 2"));
    }

    @Test
    void shouldResumeALaterStartAtTheRememberedParallelism() throws Exception {
        // given the sessions job was rescaled to 2, then Flink restarted (the cluster runs no job)
        Path savepoint = savepoint("savepoint-012345-abcdef");
        flink.savepointLocation = savepoint.toUri().toString();
        JobRescale done = rescaler(Duration.ofSeconds(30)).rescale(JobName.SESSIONS, 2);
        flink.states.clear();
        flink.runs.clear();

        // when the stack submits its jobs again
        new FlinkJobSubmitter(new FlinkRestClient(flink.url()), dir.resolve("gull-flink-jobs.jar"),
                List.of("--kafka.bootstrap", "k:1"), records, progress::add, Duration.ofSeconds(10),
                dir.resolve("flink.log"), JobRestore.RESUME).submitAll();

        // then the sessions job resumes at parallelism 2 (from its savepoint: it never checkpointed), telemetry at 1
        JsonNode sessions = runOf(SESSIONS);
        assertThat(sessions.path("parallelism").asInt()).isEqualTo(2);
        assertThat(sessions.path("programArgsList")).extracting(JsonNode::asText).endsWith("--parallelism", "2");
        assertThat(sessions.path("savepointPath").asText()).isEqualTo(savepoint.toUri().toString());
        assertThat(runOf(TELEMETRY).path("parallelism").asInt()).isEqualTo(1);
        assertThat(records.jobs().get(SESSIONS).parallelism()).isEqualTo(2);
        assertThat(records.jobs().get(SESSIONS).jobId()).isNotEqualTo(done.jobId());
    }

    @Test
    void shouldLeaveTheJobRunningAndSaySoWhenTheSavepointFails() {
        // given
        flink.savepointFailure = "java.util.concurrent.CompletionException: ...\n\tat org.apache.flink...\n"
                + "Caused by: org.apache.flink.runtime.checkpoint.CheckpointException: Checkpoint expired before"
                + " completing.\n\tat org.apache.flink...";

        // when / then
        assertThatThrownBy(() -> rescaler(Duration.ofSeconds(30)).rescale(JobName.SESSIONS, 2))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("Flink could not stop job gull-sessions with a savepoint")
                .hasMessageContaining("Checkpoint expired before completing")
                .hasMessageContaining("The job still runs as it was (job " + SESSIONS_JOB + ")");
        assertThat(flink.runs).isEmpty();
        assertThat(records.jobs().get(SESSIONS)).isEqualTo(new RememberedJob(SESSIONS_JOB, null));
    }

    @Test
    void shouldGiveUpOnASavepointThatNeverCompletes() {
        // given
        flink.pollsInProgress = Integer.MAX_VALUE;

        // when / then
        assertThatThrownBy(() -> rescaler(Duration.ofSeconds(1)).rescale(JobName.SESSIONS, 2))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("The savepoint of Flink job gull-sessions did not complete within 1 s")
                .hasMessageContaining("trigger trigger-1");
        assertThat(flink.runs).isEmpty();
    }

    @Test
    void shouldStopNothingWhenTheClusterLacksTheSlots() {
        // given 4 slots: sessions and telemetry hold one each, something else holds the other two
        flink.slotsAvailable = 0;

        // when / then: only the job's own slot would be free for it
        assertThatThrownBy(() -> rescaler(Duration.ofSeconds(30)).rescale(JobName.SESSIONS, 3))
                .isInstanceOf(StackException.class)
                .hasMessage("Flink job gull-sessions at parallelism 3 needs 3 task slots, but only 1 of the cluster's"
                        + " 4 would be free for it (the other jobs hold the rest); choose a parallelism of at most 1."
                        + " Nothing was stopped.");
        assertThat(flink.stops).isEmpty();
    }

    @Test
    void shouldResumeAJobThatEndedAfterItsSavepointFromThatSavepoint() throws Exception {
        // given an earlier rescale whose savepoint completed, but whose new job never started
        Path savepoint = savepoint("savepoint-012345-fedcba");
        Path checkpoint = dir.resolve("checkpoints/" + SESSIONS_JOB + "/chk-7");
        Files.createDirectories(checkpoint);
        Files.writeString(checkpoint.resolve("_metadata"), "x");
        records.saveJobs(Map.of(SESSIONS, new RememberedJob(SESSIONS_JOB, null, 1, savepoint),
                TELEMETRY, new RememberedJob(TELEMETRY_JOB, null)));
        flink.states.put(SESSIONS_JOB, "FINISHED");

        // when
        JobRescale done = rescaler(Duration.ofSeconds(30)).rescale(JobName.SESSIONS, 2);

        // then it is not stopped again, and resumes from the savepoint, not from the older checkpoint
        assertThat(flink.stops).isEmpty();
        assertThat(done.resumedFrom()).isEqualTo(savepoint);
        assertThat(done.fromParallelism()).isZero();
        assertThat(flink.runs.get(0).path("savepointPath").asText()).isEqualTo(savepoint.toUri().toString());
        assertThat(progress).anyMatch(l -> l.contains("not running (job " + SESSIONS_JOB + ", finished); resuming it"
                + " from savepoints/savepoint-012345-fedcba"));
    }

    @Test
    void shouldRefuseAJobThatIsRestarting() {
        // given
        flink.states.put(SESSIONS_JOB, "RESTARTING");

        // when / then
        assertThatThrownBy(() -> rescaler(Duration.ofSeconds(30)).rescale(JobName.SESSIONS, 2))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("is RESTARTING with 0 of 2 tasks running; a savepoint needs every task running");
        assertThat(flink.stops).isEmpty();
    }

    @Test
    void shouldRefuseAJobTheDataDirNeverRan() {
        // given
        records.saveJobs(Map.of(TELEMETRY, new RememberedJob(TELEMETRY_JOB, null)));

        // when / then
        assertThatThrownBy(() -> rescaler(Duration.ofSeconds(30)).rescale(JobName.SESSIONS, 2))
                .isInstanceOf(StackException.class)
                .hasMessage("Flink job gull-sessions never ran from this data dir; start the stack first with"
                        + " ./gull up -d");
    }

    @Test
    void shouldRememberParallelismAndSavepointAcrossReads() throws Exception {
        // given
        Path savepoint = savepoint("savepoint-aaaaaa-bbbbbb");
        Path checkpoint = dir.resolve("checkpoints/" + SESSIONS_JOB + "/chk-3");
        Files.createDirectories(checkpoint);
        Files.writeString(checkpoint.resolve("_metadata"), "x");
        RememberedJob stopped = new RememberedJob(SESSIONS_JOB, null, 2, savepoint);

        // when
        records.saveJobs(Map.of(SESSIONS, stopped));

        // then it reads back as written, and resumes from the savepoint rather than from its older checkpoint
        assertThat(records.jobs()).containsExactly(Map.entry(SESSIONS, stopped));
        assertThat(records.load()).containsExactly(Map.entry(SESSIONS, SESSIONS_JOB));
        assertThat(records.resumePoint(stopped)).contains(savepoint);
        assertThat(records.resumePoint(new RememberedJob(SESSIONS_JOB, savepoint))).contains(checkpoint);
    }

    @Test
    void shouldKnowTheJobsByEveryName() {
        assertThat(List.of("gull-sessions", "sessions", "SessionsJob", "io.gull.flink.SessionsJob", " Gull-Sessions "))
                .allSatisfy(name -> assertThat(JobName.of(name)).isEqualTo(JobName.SESSIONS));
        assertThat(JobName.of("telemetry")).isEqualTo(JobName.TELEMETRY);
        assertThatThrownBy(() -> JobName.of("gull-auth")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown job 'gull-auth'; the jobs are gull-sessions, gull-telemetry (or sessions,"
                        + " telemetry)");
    }

    @Test
    void shouldTakeFlinksSavepointLocationAsALocalPath() {
        assertThat(JobRescaler.savepointPath("file:/data/flink/savepoints/savepoint-1-2"))
                .isEqualTo(Path.of("/data/flink/savepoints/savepoint-1-2"));
        assertThat(JobRescaler.savepointPath("/data/flink/savepoints/savepoint-1-2"))
                .isEqualTo(Path.of("/data/flink/savepoints/savepoint-1-2"));
        assertThatThrownBy(() -> JobRescaler.savepointPath("s3://bucket/savepoint-1-2"))
                .isInstanceOf(StackException.class).hasMessageContaining("not to a local directory");
    }

    private JsonNode runOf(String entryClass) {
        return flink.runs.stream().filter(r -> r.path("entryClass").asText().equals(entryClass)).findFirst()
                .orElseThrow();
    }

    /**
     * The REST calls of a stop with savepoint and a resubmission. A job's state is one of {@code /jobs/overview}; a
     * RUNNING job has 2 of 2 tasks running, every vertex at its parallelism, in one slot sharing group.
     */
    private static final class FakeFlink implements AutoCloseable {
        final Map<String, String> states = new ConcurrentHashMap<>();
        final Map<String, Integer> parallelism = new ConcurrentHashMap<>();
        final Map<String, JsonNode> stops = new ConcurrentHashMap<>();
        final List<JsonNode> runs = new CopyOnWriteArrayList<>();
        final AtomicInteger uploads = new AtomicInteger();
        volatile int slotsTotal = 4;
        volatile int slotsAvailable = 2;
        /** How many polls answer IN_PROGRESS before the savepoint completes. */
        volatile int pollsInProgress;
        volatile String savepointLocation = "file:/nowhere/savepoint-0";
        volatile String savepointFailure;

        private final HttpServer server;
        private final AtomicInteger polls = new AtomicInteger();
        private final AtomicInteger jobs = new AtomicInteger();
        private volatile String lastJobId;

        FakeFlink() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void running(String jobId, int p) {
            states.put(jobId, "RUNNING");
            parallelism.put(jobId, p);
        }

        String lastJobId() {
            return lastJobId;
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String[] parts = path.split("/");
            JsonNode body = method.equals("POST") && !path.equals("/jars/upload")
                    ? JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    : null;
            ObjectNode answer = JSON.createObjectNode();
            if (path.equals("/overview")) {
                answer.put("slots-total", slotsTotal).put("slots-available", slotsAvailable);
            } else if (path.equals("/jobs/overview")) {
                ArrayNode list = answer.putArray("jobs");
                states.forEach((id, state) -> list.addObject().put("jid", id).put("name", "job").put("state", state)
                        .putObject("tasks").put("running", state.equals("RUNNING") ? 2 : 0).put("total", 2));
            } else if (parts.length == 4 && parts[3].equals("stop") && method.equals("POST")) {
                stops.put(parts[2], body);
                answer.put("request-id", "trigger-1");
            } else if (parts.length == 5 && parts[3].equals("savepoints")) {
                if (polls.getAndIncrement() < pollsInProgress) {
                    answer.putObject("status").put("id", "IN_PROGRESS");
                } else {
                    answer.putObject("status").put("id", "COMPLETED");
                    ObjectNode operation = answer.putObject("operation");
                    if (savepointFailure != null) {
                        operation.putObject("failure-cause").put("class", "java.util.concurrent.CompletionException")
                                .put("stack-trace", savepointFailure);
                    } else {
                        operation.put("location", savepointLocation);
                        states.put(parts[2], "FINISHED");
                    }
                }
            } else if (parts.length == 4 && parts[3].equals("exceptions")) {
                answer.putObject("exceptionHistory").putArray("entries");
            } else if (parts.length == 3 && parts[1].equals("jobs") && method.equals("GET")) {
                ArrayNode vertices = answer.putArray("vertices");
                int p = parallelism.getOrDefault(parts[2], 1);
                for (int i = 0; i < 2; i++) {
                    vertices.addObject().put("parallelism", p).put("maxParallelism", 128)
                            .put("slotSharingGroupId", "default");
                }
            } else if (path.startsWith("/jars/") && method.equals("DELETE")) {
                answer.removeAll();
            } else if (path.equals("/jars")) {
                answer.putArray("files").addObject().put("id", "jar-1_gull-flink-jobs.jar")
                        .put("name", "gull-flink-jobs.jar");
            } else if (path.equals("/jars/upload")) {
                uploads.incrementAndGet();
                answer.put("filename", "/tmp/flink-web/jar-1_gull-flink-jobs.jar");
            } else if (path.endsWith("/run")) {
                runs.add(body);
                String jobId = String.format("%032x", jobs.incrementAndGet() + 0xabc000L);
                running(jobId, body.path("parallelism").asInt(1));
                lastJobId = jobId;
                answer.put("jobid", jobId);
            } else {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] bytes = answer.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
