package io.gull.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/** The body {@code runJar} sends to {@code POST /jars/<id>/run}, against a stand-in for Flink's REST API. */
class FlinkRestClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHECKPOINT = "file:/data/flink/checkpoints/0123456789abcdef0123456789abcdef/chk-4";

    private final AtomicReference<String> body = new AtomicReference<>();
    private HttpServer flink;
    private FlinkRestClient client;

    @BeforeEach
    void startFakeFlink() throws IOException {
        flink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        flink.createContext("/jars/jar-1/run", exchange -> {
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{\"jobid\":\"fedcba9876543210fedcba9876543210\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        flink.start();
        client = new FlinkRestClient("http://127.0.0.1:" + flink.getAddress().getPort());
    }

    @AfterEach
    void stopFakeFlink() {
        flink.stop(0);
    }

    @Test
    void shouldResumeWithoutAllowingNonRestoredStateByDefault() throws IOException {
        String jobId = client.runJar("jar-1", new JarRun("io.gull.flink.SessionsJob", List.of("--a", "1"), CHECKPOINT,
                false));

        JsonNode sent = JSON.readTree(body.get());
        assertThat(jobId).isEqualTo("fedcba9876543210fedcba9876543210");
        assertThat(sent.path("entryClass").asText()).isEqualTo("io.gull.flink.SessionsJob");
        assertThat(sent.path("programArgsList")).extracting(JsonNode::asText).containsExactly("--a", "1");
        assertThat(sent.path("savepointPath").asText()).isEqualTo(CHECKPOINT);
        assertThat(sent.has("allowNonRestoredState")).isFalse();
    }

    @Test
    void shouldAllowNonRestoredStateOnlyWhenTheOperatorAsks() throws IOException {
        client.runJar("jar-1", new JarRun("io.gull.flink.SessionsJob", List.of(), CHECKPOINT, true));

        assertThat(JSON.readTree(body.get()).path("allowNonRestoredState").asBoolean()).isTrue();
    }

    @Test
    void shouldSendNoSavepointForAFreshStart() throws IOException {
        client.runJar("jar-1", new JarRun("io.gull.flink.TelemetryJob", List.of(), null, true));

        JsonNode sent = JSON.readTree(body.get());
        assertThat(sent.has("savepointPath")).isFalse();
        assertThat(sent.has("allowNonRestoredState")).isFalse();
    }
}
