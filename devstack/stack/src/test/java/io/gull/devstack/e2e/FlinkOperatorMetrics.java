package io.gull.devstack.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.gull.devstack.testing.SharedStack;

/**
 * Operators' counters of the shared stack's running jobs, read through the Flink REST API: one counter summed over its
 * subtasks ({@link #sum}), or a report of every job for a failed test's message ({@link #report}). Flink's REST
 * endpoint refreshes metrics about every 10 s, so a value read here may lag: poll it.
 */
final class FlinkOperatorMetrics {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Gull's counters are {@code <subtask>.<operator>.<name>}; Flink's and Kafka's own have other shapes. */
    private static final Pattern GULL_COUNTER = Pattern.compile(
            "\\d+\\.(delivery|sessions|edge-liveness|match|retained|shared-groups|resend-filter)\\.[A-Za-z.]+");

    private FlinkOperatorMetrics() {
    }

    /**
     * {@code <operator>.<counter>} of the running job named {@code jobName}, e.g. delivery.droppedQueueOverflow. Waits
     * up to a minute for it to appear: Flink's REST API lists a job's metrics only after its first fetch of them
     * (every 10 s), so a job that just started or restarted has none yet.
     */
    static long sum(String jobName, String operator, String counter) {
        String metric = operator + "." + counter;
        AtomicLong value = new AtomicLong();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .alias("metric " + metric + " of the running job " + jobName)
                .until(() -> {
                    OptionalLong found = find(runningJob(jobName), metric);
                    found.ifPresent(value::set);
                    return found.isPresent();
                });
        return value.get();
    }

    private static OptionalLong find(String jobId, String metric) throws IOException, InterruptedException {
        for (JsonNode vertex : get("jobs/" + jobId).path("vertices")) {
            String path = "jobs/" + jobId + "/vertices/" + vertex.path("id").asText() + "/subtasks/metrics";
            for (JsonNode available : get(path)) {
                if (metric.equals(available.path("id").asText())) {
                    JsonNode values = get(path + "?agg=sum&get=" + URLEncoder.encode(metric, StandardCharsets.UTF_8));
                    return OptionalLong.of(Math.round(values.path(0).path("sum").asDouble()));
                }
            }
        }
        return OptionalLong.empty();
    }

    /**
     * What a failed end-to-end test should print about the Flink jobs, several lines: each job's state and latest
     * failure, and every non-zero counter of Gull's own operators (delivery, sessions, edge liveness, ...), so a
     * failure seen only in CI's output says where messages stopped. Best effort: a REST error becomes a line of it.
     */
    static String report() {
        StringBuilder report = new StringBuilder("Flink jobs:\n");
        try {
            for (JsonNode job : get("jobs/overview").path("jobs")) {
                String id = job.path("jid").asText();
                report.append("  ").append(job.path("name").asText()).append(' ').append(id).append(' ')
                        .append(job.path("state").asText()).append('\n');
                String failure = get("jobs/" + id + "/exceptions").path("rootException").asText("");
                if (!failure.isEmpty()) {
                    report.append("    latest failure: ").append(failure.lines().findFirst().orElse("")).append('\n');
                }
                if ("RUNNING".equals(job.path("state").asText())) {
                    for (JsonNode vertex : get("jobs/" + id).path("vertices")) {
                        nonZeroCounters("jobs/" + id + "/vertices/" + vertex.path("id").asText() + "/metrics", report);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            report.append("  (REST call failed: ").append(e.getMessage()).append(")\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return report.toString();
    }

    private static void nonZeroCounters(String path, StringBuilder report) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (JsonNode metric : get(path)) {
            String name = metric.path("id").asText();
            if (GULL_COUNTER.matcher(name).matches() && !name.contains("Watermark") && !name.endsWith("PerSecond")) {
                ids.add(name);
            }
        }
        List<String> nonZero = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 20) {
            String wanted = String.join(",", ids.subList(from, Math.min(ids.size(), from + 20)));
            for (JsonNode value : get(path + "?get=" + URLEncoder.encode(wanted, StandardCharsets.UTF_8))) {
                String v = value.path("value").asText();
                if (!v.equals("0") && !v.equals("0.0")) {
                    nonZero.add(value.path("id").asText() + "=" + v);
                }
            }
        }
        if (!nonZero.isEmpty()) {
            report.append("    ").append(String.join(" ", nonZero)).append('\n');
        }
    }

    private static String runningJob(String jobName) throws IOException, InterruptedException {
        for (JsonNode job : get("jobs/overview").path("jobs")) {
            if (jobName.equals(job.path("name").asText()) && "RUNNING".equals(job.path("state").asText())) {
                return job.path("jid").asText();
            }
        }
        throw new IllegalStateException("no running Flink job named " + jobName);
    }

    private static JsonNode get(String path) throws IOException, InterruptedException {
        URI uri = URI.create(SharedStack.get().endpoints().flinkRestUrl() + "/" + path);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
