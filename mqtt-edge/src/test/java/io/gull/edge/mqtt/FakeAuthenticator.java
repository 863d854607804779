package io.gull.edge.mqtt;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.AuthOutcome;
import io.gull.schemas.avro.AuthRequest;

/** Test double for the Kafka-facing auth port: records requests, the test decides when and how to answer. */
final class FakeAuthenticator implements Authenticator {
    record Call(AuthRequest request, CompletableFuture<AuthDecision> decision) {
        void answer(AuthOutcome outcome, String tenant) {
            answer(outcome, tenant, b -> { });
        }

        /** Answers with a decision the test can shape (sessionPresent, awaitingRelease, expiry). */
        void answer(AuthOutcome outcome, String tenant, java.util.function.Consumer<AuthDecision.Builder> shape) {
            AuthDecision.Builder builder = AuthDecision.newBuilder()
                    .setRequestId(request.getRequestId())
                    .setClientId(request.getClientId())
                    .setConnectionId(request.getConnectionId())
                    .setOutcome(outcome)
                    .setTenant(tenant)
                    .setDecidedAt(java.time.Instant.now());
            shape.accept(builder);
            decision.complete(builder.build());
        }
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<AuthDecision> authenticate(AuthRequest request) {
        Call call = new Call(request, new CompletableFuture<>());
        calls.add(call);
        return call.decision();
    }

    Call last() {
        return calls.get(calls.size() - 1);
    }
}
