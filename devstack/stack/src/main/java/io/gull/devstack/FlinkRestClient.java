package io.gull.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The parts of Flink's REST API the stack uses: cluster overview, jar upload/run, job states, cancel, stop with a
 * savepoint.
 */
final class FlinkRestClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;

    FlinkRestClient(String baseUrl) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** True when {@code GET /overview} answers 200. */
    boolean isUp() {
        try {
            return send(HttpRequest.newBuilder(base.resolve("overview")).timeout(Duration.ofSeconds(2)).GET()).statusCode()
                    == 200;
        } catch (FlinkRestException e) {
            return false;
        }
    }

    /** {@code GET /overview}. */
    JsonNode overview() {
        return json(HttpRequest.newBuilder(base.resolve("overview")).GET(), "GET /overview");
    }

    /** {@code GET /jars}: uploaded jars as (id, name). */
    List<UploadedJar> jars() {
        JsonNode files = json(HttpRequest.newBuilder(base.resolve("jars")).GET(), "GET /jars").path("files");
        List<UploadedJar> out = new ArrayList<>();
        files.forEach(f -> out.add(new UploadedJar(f.path("id").asText(), f.path("name").asText())));
        return out;
    }

    void deleteJar(String jarId) {
        json(HttpRequest.newBuilder(base.resolve("jars/" + jarId)).DELETE(), "DELETE /jars/" + jarId);
    }

    /** {@code POST /jars/upload} (multipart, field {@code jarfile}); returns the jar id for {@code /jars/<id>/run}. */
    String uploadJar(Path jar) {
        String boundary = "gull-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"jarfile\"; filename=\"" + jar.getFileName() + "\"\r\n"
                    + "Content-Type: application/x-java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(jar));
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StackException("Cannot read " + jar + ": " + e.getMessage(), e);
        }
        JsonNode answer = json(HttpRequest.newBuilder(base.resolve("jars/upload"))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), "POST /jars/upload");
        String fileName = answer.path("filename").asText("");
        if (fileName.isEmpty()) {
            throw new FlinkRestException("POST /jars/upload answered without a file name: " + answer);
        }
        return Path.of(fileName).getFileName().toString();
    }

    /** {@code POST /jars/<id>/run}; returns the job id. */
    String runJar(String jarId, JarRun run) {
        JsonNode answer = json(HttpRequest.newBuilder(base.resolve("jars/" + jarId + "/run"))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(run.toJson())), "POST /jars/" + jarId + "/run");
        String jobId = answer.path("jobid").asText("");
        if (jobId.isEmpty()) {
            throw new FlinkRestException("POST /jars/" + jarId + "/run answered without a job id: " + answer);
        }
        return jobId;
    }

    /** {@code GET /jobs/overview}. */
    List<JobSummary> jobs() {
        JsonNode jobs = json(HttpRequest.newBuilder(base.resolve("jobs/overview")).GET(), "GET /jobs/overview").path("jobs");
        List<JobSummary> out = new ArrayList<>();
        jobs.forEach(j -> out.add(new JobSummary(j.path("jid").asText(), j.path("name").asText(),
                j.path("state").asText(), j.path("tasks").path("running").asInt(), j.path("tasks").path("total").asInt())));
        return out;
    }

    Optional<JobSummary> job(String jobId) {
        return jobs().stream().filter(j -> j.id().equals(jobId)).findFirst();
    }

    /** The most recent failure of a job in one line (its first line and its innermost cause), if any. */
    Optional<String> latestFailure(String jobId) {
        JsonNode answer = json(HttpRequest.newBuilder(base.resolve("jobs/" + jobId + "/exceptions?maxExceptions=1")).GET(),
                "GET /jobs/" + jobId + "/exceptions");
        JsonNode entries = answer.path("exceptionHistory").path("entries");
        if (entries.isArray() && !entries.isEmpty()) {
            JsonNode first = entries.get(0);
            String trace = first.path("stacktrace").asText("");
            String line = trace.isBlank() ? first.path("exceptionName").asText("") : summary(trace);
            return line.isBlank() ? Optional.empty() : Optional.of(line);
        }
        String root = answer.path("root-exception").asText("");
        return root.isBlank() ? Optional.empty() : Optional.of(summary(root));
    }

    /** {@code PATCH /jobs/<id>?mode=cancel}. */
    void cancel(String jobId) {
        json(HttpRequest.newBuilder(base.resolve("jobs/" + jobId + "?mode=cancel"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()), "PATCH /jobs/" + jobId);
    }

    /**
     * {@code POST /jobs/<id>/stop} with {@code {"drain": false, "targetDirectory": ...}}: a savepoint, then the job ends
     * (FINISHED) without draining its sources, so that a job started from the savepoint goes on where this one stopped.
     *
     * @return the trigger id to poll with {@link #savepointStatus}
     */
    String stopWithSavepoint(String jobId, String targetDirectory) {
        ObjectNode body = JSON.createObjectNode().put("drain", false).put("targetDirectory", targetDirectory);
        JsonNode answer = json(HttpRequest.newBuilder(base.resolve("jobs/" + jobId + "/stop"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), "POST /jobs/" + jobId + "/stop");
        String triggerId = answer.path("request-id").asText("");
        if (triggerId.isEmpty()) {
            throw new FlinkRestException("POST /jobs/" + jobId + "/stop answered without a request id: " + answer);
        }
        return triggerId;
    }

    /**
     * {@code GET /jobs/<id>/savepoints/<triggerId>}: {@code status.id} is IN_PROGRESS or COMPLETED; a completed
     * operation has {@code operation.location} (the savepoint) or {@code operation.failure-cause}.
     */
    SavepointStatus savepointStatus(String jobId, String triggerId) {
        String what = "GET /jobs/" + jobId + "/savepoints/" + triggerId;
        JsonNode answer = json(HttpRequest.newBuilder(base.resolve("jobs/" + jobId + "/savepoints/" + triggerId)).GET(),
                what);
        String status = answer.path("status").path("id").asText("");
        JsonNode operation = answer.path("operation");
        JsonNode failure = operation.path("failure-cause");
        Optional<String> cause = Optional.empty();
        if (failure.isObject() && !failure.isEmpty()) {
            String trace = failure.path("stack-trace").asText("");
            cause = Optional.of(trace.isBlank() ? failure.path("class").asText("unknown failure") : summary(trace));
        }
        String location = operation.path("location").asText("");
        return new SavepointStatus(status, location.isEmpty() ? Optional.empty() : Optional.of(location), cause);
    }

    /**
     * How many task slots a job holds: per slot sharing group its highest vertex parallelism, summed; with
     * {@code GET /jobs/<id>}. For Gull's jobs (one group) this is the job's parallelism.
     */
    JobShape jobShape(String jobId) {
        JsonNode vertices = json(HttpRequest.newBuilder(base.resolve("jobs/" + jobId)).GET(), "GET /jobs/" + jobId)
                .path("vertices");
        Map<String, Integer> perGroup = new HashMap<>();
        int parallelism = 0;
        int maxParallelism = Integer.MAX_VALUE;
        for (JsonNode vertex : vertices) {
            int p = vertex.path("parallelism").asInt(0);
            parallelism = Math.max(parallelism, p);
            perGroup.merge(vertex.path("slotSharingGroupId").asText(""), p, Math::max);
            int max = vertex.path("maxParallelism").asInt(0);
            if (max > 0) {
                maxParallelism = Math.min(maxParallelism, max);
            }
        }
        int slots = perGroup.values().stream().mapToInt(Integer::intValue).sum();
        return new JobShape(parallelism, maxParallelism == Integer.MAX_VALUE ? 0 : maxParallelism, slots);
    }

    /** {@code slots-total} and {@code slots-available} of {@code GET /overview}. */
    Slots slots() {
        JsonNode overview = overview();
        return new Slots(overview.path("slots-total").asInt(0), overview.path("slots-available").asInt(0));
    }

    private JsonNode json(HttpRequest.Builder request, String what) {
        HttpResponse<String> response = send(request.timeout(request.build().timeout().orElse(Duration.ofSeconds(10))));
        String body = response.body();
        if (response.statusCode() / 100 != 2) {
            throw new FlinkRestException(what + " failed with HTTP " + response.statusCode() + ": " + errors(body));
        }
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new FlinkRestException(what + " answered something that is not JSON: " + body);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new FlinkRestException("Flink REST API at " + base + " is unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlinkRestException("Interrupted while calling the Flink REST API");
        }
    }

    /** Flink answers errors as {@code {"errors": ["..."]}}; keep the first line of each. */
    private static String errors(String body) {
        try {
            JsonNode errors = JSON.readTree(body).path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                List<String> lines = new ArrayList<>();
                errors.forEach(e -> lines.add(summary(e.asText())));
                return String.join("; ", lines);
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: show the raw body below
        }
        return body == null ? "" : body.length() > 500 ? body.substring(0, 500) + "..." : body;
    }

    /** The first line of a stack trace and its innermost cause, which usually says what went wrong. */
    private static String summary(String trace) {
        List<String> lines = trace.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            return "";
        }
        String cause = null;
        for (String line : lines) {
            if (line.startsWith("Caused by:")) {
                cause = line;
            }
        }
        return cause == null ? lines.get(0) : lines.get(0) + " ... " + cause;
    }

    /** A jar uploaded to the cluster. */
    record UploadedJar(String id, String name) {
    }

    /** One line of {@code /jobs/overview}. */
    record JobSummary(String id, String name, String state, int runningTasks, int totalTasks) {
        boolean fullyRunning() {
            return "RUNNING".equals(state) && totalTasks > 0 && runningTasks == totalTasks;
        }
    }

    /**
     * Where a savepoint operation is.
     *
     * @param status   {@code IN_PROGRESS} or {@code COMPLETED}
     * @param location the savepoint, once completed successfully
     * @param failure  why it failed, once completed unsuccessfully
     */
    record SavepointStatus(String status, Optional<String> location, Optional<String> failure) {
        boolean completed() {
            return "COMPLETED".equals(status);
        }
    }

    /**
     * A running job's shape.
     *
     * @param parallelism    its highest vertex parallelism
     * @param maxParallelism its lowest vertex max parallelism (the most a restore can rescale it to), 0 if unknown
     * @param slots          the task slots it holds
     */
    record JobShape(int parallelism, int maxParallelism, int slots) {
    }

    /** The cluster's task slots: all, and those no job holds. */
    record Slots(int total, int available) {
    }

    /** A REST call failed; the message says which and why. */
    static final class FlinkRestException extends StackException {
        private static final long serialVersionUID = 1L;

        FlinkRestException(String message) {
            super(message);
        }
    }
}
