package io.gull.edge.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import io.gull.edge.mqtt.IngressRejectedException;

class IngressPublisherTest {

    @Test
    void shouldTreatATooLargeRecordAsRefusedForGood() {
        Throwable classified = IngressPublisher.classify(new RecordTooLargeException("too big"));

        assertThat(classified).isInstanceOfSatisfying(IngressRejectedException.class,
                e -> assertThat(e.tooLarge()).isTrue());
    }

    @Test
    void shouldLeaveErrorsThatAreNotAboutTheRecordForTheClientToResend() {
        TimeoutException timeout = new TimeoutException("delivery timeout");
        TopicAuthorizationException denied = new TopicAuthorizationException("denied");

        assertThat(IngressPublisher.classify(timeout)).isSameAs(timeout);
        assertThat(IngressPublisher.classify(denied)).as("fix the ACL; do not make devices drop data")
                .isSameAs(denied);
    }
}
