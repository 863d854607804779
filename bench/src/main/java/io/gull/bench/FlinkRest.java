package io.gull.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The two Flink REST calls the state measurement needs: find a running job by name, read its latest checkpoint. */
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
        URI uri = base.resolve(path);
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException("cannot reach the Flink REST API at " + uri + ": " + e + " (check --gull-flink)", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }
}
