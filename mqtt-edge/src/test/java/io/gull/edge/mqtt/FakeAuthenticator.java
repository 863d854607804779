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
            decision.complete(AuthDecision.newBuilder()
                    .setRequestId(request.getRequestId())
                    .setClientId(request.getClientId())
                    .setOutcome(outcome)
                    .setTenant(tenant)
                    .setDecidedAt(java.time.Instant.now())
                    .build());
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
