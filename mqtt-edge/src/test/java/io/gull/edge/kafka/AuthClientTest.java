package io.gull.edge.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.AuthOutcome;
import io.gull.schemas.avro.AuthRequest;

class AuthClientTest {

    private static AuthRequest request(String requestId) {
        return AuthRequest.newBuilder().setRequestId(requestId).setEdgeId("e1").setClientId("dev1")
                .setPassword(ByteBuffer.wrap(new byte[] {'p'})).setRequestedAt(Instant.now())
                .setConnectionId("conn-" + requestId).build();
    }

    private static AuthDecision decision(String requestId, AuthOutcome outcome) {
        return AuthDecision.newBuilder().setRequestId(requestId).setClientId("dev1").setOutcome(outcome)
                .setConnectionId("conn-" + requestId).setDecidedAt(Instant.now()).build();
    }

    @Test
    void shouldHandAnAllowedDecisionThatCameAfterItsTimeoutToTheLateCallback() {
        // given a request that timed out
        List<AuthDecision> late = new CopyOnWriteArrayList<>();
        AuthClient auth = new AuthClient(new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer()), Duration.ofMillis(1), late::add);
        var pending = auth.authenticate(request("r1")).toCompletableFuture();
        await().atMost(Duration.ofSeconds(10)).until(pending::isDone);

        // when the job allows it after all, and refuses another late one
        auth.onDecision(decision("r1", AuthOutcome.ALLOWED));
        auth.onDecision(decision("r2", AuthOutcome.BAD_CREDENTIALS));

        // then only the ALLOWED one is handed over (the edge reports its connection disconnected)
        assertThat(late).extracting(AuthDecision::getConnectionId).containsExactly("conn-r1");
        auth.close();
    }
}
