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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The parts of Flink's REST API the stack uses: cluster overview, jar upload/run, job states, cancel. */
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

    /** A REST call failed; the message says which and why. */
    static final class FlinkRestException extends StackException {
        private static final long serialVersionUID = 1L;

        FlinkRestException(String message) {
            super(message);
        }
    }
}
