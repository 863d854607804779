package io.gull.devstack.e2e;

import static io.gull.devstack.e2e.PubSubFixture.edgeA;
import static io.gull.devstack.e2e.PubSubFixture.edgeB;
import static io.gull.devstack.e2e.PubSubFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Subscriptions, retained messages and topics are per tenant: the same topic in two tenants are two topics. */
class TenantIsolationTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void shouldGiveATenantBSubscriberToHashNothingThatTenantAPublishes() throws Exception {
        // given two fresh tenants, each with a publisher and a subscriber to '#'
        String tenantA = unique("tenant-a");
        String tenantB = unique("tenant-b");
        TenantDevice pubA = TenantDevice.register(tenantA);
        TenantDevice subA = TenantDevice.register(tenantA);
        TenantDevice pubB = TenantDevice.register(tenantB);
        TenantDevice subB = TenantDevice.register(tenantB);
        try (V5Client publisherA = pubA.connect(edgeA());
                V5Client subscriberA = subA.connect(edgeB());
                V5Client publisherB = pubB.connect(edgeA());
                V5Client subscriberB = subB.connect(edgeB())) {
            subscriberA.subscribe("#", 1);
            subscriberB.subscribe("#", 1);
            Routes.awaitActive(publisherA, subscriberA, "probe/a");
            Routes.awaitActive(publisherB, subscriberB, "probe/b");

            // when tenant A publishes, retained and not, to a topic tenant B also uses
            publisherA.publish("shared/topic", "secret", 1, false);
            publisherA.publish("shared/state", "secret-retained", 1, true);
            publisherB.publish("shared/topic", "b-own", 1, false);

            // then tenant A's subscriber gets them, tenant B's gets only its own
            await().atMost(WAIT).until(() -> subscriberA.payloadsOn("shared/").contains("secret-retained")
                    && subscriberB.payloadsOn("shared/").contains("b-own"));
            assertThat(subscriberB.payloadsOn("shared/")).containsExactly("b-own");
            assertThat(subscriberB.messagesOn("probe/a")).isEmpty();

            // and a new tenant B subscriber gets none of tenant A's retained messages
            TenantDevice lateB = TenantDevice.register(tenantB);
            try (V5Client late = lateB.connect(edgeA())) {
                publisherB.publish("mine/state", "b-retained", 1, true);
                await().atMost(WAIT).until(() -> subscriberB.payloadsOn("mine/").contains("b-retained"));
                late.subscribe("#", 1);
                await().atMost(WAIT).until(() -> late.payloadsOn("mine/").contains("b-retained"));
                assertThat(late.messagesOn("shared/")).isEmpty();
            }
        }
    }
}
