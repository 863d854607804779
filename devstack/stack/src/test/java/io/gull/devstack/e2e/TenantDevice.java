package io.gull.devstack.e2e;

import static io.gull.devstack.e2e.PubSubFixture.kafka;
import static io.gull.devstack.e2e.PubSubFixture.unique;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

/** A registered device of a tenant, for tests that need a tenant of their own (e.g. to subscribe to '#'). */
record TenantDevice(String id, String password) {

    static TenantDevice register(String tenant) throws Exception {
        String id = unique("dev");
        String password = "pw-" + id;
        TestDevices.register(kafka(), id, password, tenant);
        return new TenantDevice(id, password);
    }

    /** Connects with its credentials; retries while the registry has not read the registration yet. */
    V5Client connect(String uri) {
        V5Client[] client = new V5Client[1];
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            client[0] = V5Client.connect(uri, id, password, true, 0);
            return true;
        });
        return client[0];
    }
}
