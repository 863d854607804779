package io.gull.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Flink REST calls the benchmarks need: find a running job by name, read its latest checkpoint (sessions-state),
 * and stop a job with a savepoint (ingest {@code --pause-jobs}).
 */
public final class FlinkRest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public FlinkRest(URI base) {
        this.base = base;
    }

    /** The id of the RUNNING job called {@code name}. */
    public String runningJob(String name) throws IOException, InterruptedException {
        return runningJobIn(get("/jobs/overview"), name).orElseThrow(() -> new IllegalStateException(
                "no RUNNING Flink job called " + name + " at " + base + " (is Gull up? check --gull-flink)"));
    }

    /** The latest completed checkpoint of a job, empty while it has none. */
    public Optional<CheckpointStats> latestCheckpoint(String jobId) throws IOException, InterruptedException {
        return latestCompletedIn(get("/jobs/" + jobId + "/checkpoints"));
    }

    /** A job of {@code /jobs/overview}, or of {@code /jobs/<id>} (its parallelism: the largest of its vertices'). */
    public record Job(String id, String name, String state, int parallelism) {
    }

    /** Where a savepoint is: completed (with a location, or a failure) or still in progress. */
    public record SavepointStatus(boolean completed, Optional<String> location, Optional<String> failure) {
    }

    /** Every RUNNING job whose name is one of {@code names}, with its parallelism. */
    public List<Job> runningJobs(Collection<String> names) throws IOException, InterruptedException {
        List<Job> out = new ArrayList<>();
        for (JsonNode job : get("/jobs/overview").path("jobs")) {
            if (names.contains(job.path("name").asText()) && "RUNNING".equals(job.path("state").asText())) {
                out.add(job(job.path("jid").asText()));
            }
        }
        return out;
    }

    /** {@code GET /jobs/<id>}: name, state and parallelism. */
    public Job job(String jobId) throws IOException, InterruptedException {
        return jobIn(get("/jobs/" + jobId));
    }

    /**
     * {@code POST /jobs/<id>/stop} without draining: a savepoint into {@code targetDirectory}, then the job
     * FINISHES. @return the trigger id to poll with {@link #savepointStatus}
     */
    public String stopWithSavepoint(String jobId, String targetDirectory) throws IOException, InterruptedException {
        String body = JSON.createObjectNode().put("drain", false).put("targetDirectory", targetDirectory).toString();
        JsonNode answer = send(HttpRequest.newBuilder(base.resolve("/jobs/" + jobId + "/stop"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), 202);
        String trigger = answer.path("request-id").asText("");
        if (trigger.isEmpty()) {
            throw new IOException("POST /jobs/" + jobId + "/stop answered without a request id: " + answer);
        }
        return trigger;
    }

    /** {@code GET /jobs/<id>/savepoints/<trigger>}. */
    public SavepointStatus savepointStatus(String jobId, String triggerId) throws IOException, InterruptedException {
        return savepointStatusIn(get("/jobs/" + jobId + "/savepoints/" + triggerId));
    }

    static Job jobIn(JsonNode job) {
        int parallelism = 0;
        for (JsonNode vertex : job.path("vertices")) {
            parallelism = Math.max(parallelism, vertex.path("parallelism").asInt(0));
        }
        return new Job(job.path("jid").asText(), job.path("name").asText(), job.path("state").asText(),
                Math.max(1, parallelism));
    }

    static SavepointStatus savepointStatusIn(JsonNode answer) {
        boolean completed = "COMPLETED".equals(answer.path("status").path("id").asText());
        JsonNode operation = answer.path("operation");
        Optional<String> location = Optional.ofNullable(operation.path("location").textValue()).filter(s -> !s.isBlank());
        JsonNode cause = operation.path("failure-cause");
        Optional<String> failure = cause.isMissingNode() || cause.isNull() ? Optional.empty()
                : Optional.of(cause.path("stack-trace").asText(cause.toString()).lines().findFirst().orElse(cause.toString()));
        return new SavepointStatus(completed, location, failure);
    }

    static Optional<String> runningJobIn(JsonNode overview, String name) {
        for (JsonNode job : overview.path("jobs")) {
            if (name.equals(job.path("name").asText()) && "RUNNING".equals(job.path("state").asText())) {
                return Optional.of(job.path("jid").asText());
            }
        }
        return Optional.empty();
    }

    static Optional<CheckpointStats> latestCompletedIn(JsonNode checkpoints) {
        JsonNode completed = checkpoints.path("latest").path("completed");
        if (completed.isMissingNode() || completed.isNull() || !completed.has("id")) {
            return Optional.empty();
        }
        long stateSize = completed.path("state_size").asLong(-1);
        long checkpointed = completed.has("checkpointed_size") ? completed.path("checkpointed_size").asLong() : stateSize;
        return Optional.of(new CheckpointStats(completed.path("id").asLong(), completed.path("trigger_timestamp").asLong(),
                stateSize, checkpointed));
    }

    static JsonNode parse(String body) throws IOException {
        return JSON.readTree(body);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), 200);
    }

    private JsonNode send(HttpRequest.Builder builder, int expectedStatus) throws IOException, InterruptedException {
        HttpRequest request = builder.timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException("cannot reach the Flink REST API at " + request.uri() + ": " + e + " (check --gull-flink)", e);
        }
        if (response.statusCode() != expectedStatus && response.statusCode() != 200) {
            throw new IOException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return parse(response.body());
    }
}
