package io.gull.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the parts of Flink's REST API that {@link FlinkJobSubmitter} calls: jar upload and run, job states,
 * exceptions, cancel. Every run gets a new job id and the state that {@link #nextState} says (RUNNING by default).
 */
final class FakeFlinkRest implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The bodies of {@code POST /jars/<id>/run}, in order. */
    final List<JsonNode> runs = new CopyOnWriteArrayList<>();
    /** Job id -> state, and job id -> its root exception. */
    final Map<String, String> states = new ConcurrentHashMap<>();
    final Map<String, String> exceptions = new ConcurrentHashMap<>();
    final List<String> cancelled = new CopyOnWriteArrayList<>();
    /** The state and root exception a job gets when it is run. */
    volatile String nextState = "RUNNING";
    volatile String nextException = "";

    private final HttpServer server;
    private final AtomicInteger jobs = new AtomicInteger();

    FakeFlinkRest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A job the cluster already runs (or ran). */
    void job(String jobId, String state) {
        states.put(jobId, state);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        byte[] body = exchange.getRequestBody().readAllBytes();
        ObjectNode answer = JSON.createObjectNode();
        if (path.equals("/jars") && method.equals("GET")) {
            answer.putArray("files");
        } else if (path.equals("/jars/upload")) {
            answer.put("filename", "/tmp/flink-web/jar-1_gull-flink-jobs.jar");
        } else if (path.endsWith("/run")) {
            runs.add(JSON.readTree(new String(body, StandardCharsets.UTF_8)));
            String jobId = String.format("%032x", jobs.incrementAndGet() + 0xabc000L);
            states.put(jobId, nextState);
            if (!nextException.isEmpty()) {
                exceptions.put(jobId, nextException);
            }
            answer.put("jobid", jobId);
        } else if (path.equals("/jobs/overview")) {
            ArrayNode list = answer.putArray("jobs");
            states.forEach((id, state) -> {
                ObjectNode job = list.addObject().put("jid", id).put("name", "job").put("state", state);
                job.putObject("tasks").put("running", state.equals("RUNNING") ? 2 : 0).put("total", 2);
            });
        } else if (path.endsWith("/exceptions")) {
            String jobId = path.split("/")[2];
            answer.putObject("exceptionHistory").putArray("entries");
            if (exceptions.containsKey(jobId)) {
                answer.put("root-exception", exceptions.get(jobId));
            }
        } else if (path.startsWith("/jobs/") && method.equals("PATCH")) {
            String jobId = path.split("/")[2];
            cancelled.add(jobId);
            states.put(jobId, "CANCELED");
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
