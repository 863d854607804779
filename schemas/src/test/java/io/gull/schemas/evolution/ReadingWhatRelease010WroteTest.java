package io.gull.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.gull.schemas.Codecs;
import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.AuthOutcome;
import io.gull.schemas.avro.AuthRequest;
import io.gull.schemas.avro.DeviceRecord;
import io.gull.schemas.avro.EdgeMessage;
import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SessionEventType;

/** Bytes encoded with the 0.1.0 writer schemas decode with today's codecs, new fields taking their defaults. */
class ReadingWhatRelease010WroteTest {

    @Test
    void anOldPublishGetsPacketIdZeroNoDupNoConnectionAndIsNoWill() {
        // given a Publish as a 0.1.0 edge wrote it
        byte[] bytes = Release010.encode(Release010.publish());

        // when today's codec reads it
        Publish publish = Codecs.PUBLISH.decode(bytes);

        // then the old fields are kept and the new ones have their defaults
        assertThat(publish.getMessageId()).isEqualTo("m-1");
        assertThat(publish.getTopic()).isEqualTo("devices/dev1/temp");
        assertThat(publish.getPayload()).isEqualTo(Release010.utf8("21.5"));
        assertThat(publish.getRetain()).isTrue();
        assertThat(publish.getProperties()).isEqualTo(Map.of("unit", "C"));
        assertThat(publish.getReceivedAt()).isEqualTo(Instant.ofEpochMilli(Release010.RECEIVED_AT));
        assertThat(publish.getPacketId()).isZero();
        assertThat(publish.getDup()).isFalse();
        assertThat(publish.getConnectionId()).isNull();
        assertThat(publish.getWill()).isFalse();
        assertThat(publish).isEqualTo(Release010ReadToday.publish());
    }

    @Test
    void anOldSessionEventHasNoSubscriptionsNoAcksAndPublishesNoWill() {
        // given a SUBSCRIBED event as a 0.1.0 edge wrote it
        byte[] bytes = Release010.encode(Release010.sessionEvent());

        // when today's codec reads it
        SessionEvent event = Codecs.SESSION_EVENT.decode(bytes);

        // then
        assertThat(event.getType()).isEqualTo(SessionEventType.SUBSCRIBED);
        assertThat(event.getTopicFilters()).containsExactly("devices/+/temp");
        assertThat(event.getSubscriptions()).isEmpty();
        assertThat(event.getAcks()).isEmpty();
        assertThat(event.getPublishWill()).isFalse();
        assertThat(event.getSessionExpirySeconds()).isNull();
        assertThat(event).isEqualTo(Release010ReadToday.sessionEvent());
    }

    @Test
    void anOldAuthRequestAsksForACleanSessionWithoutWillAndTheDefaultTimeout() {
        // given an AuthRequest as a 0.1.0 edge wrote it
        byte[] bytes = Release010.encode(Release010.authRequest());

        // when today's codec reads it
        AuthRequest request = Codecs.AUTH_REQUEST.decode(bytes);

        // then
        assertThat(request.getClientId()).isEqualTo("dev1");
        assertThat(request.getPassword()).isEqualTo(Release010.utf8("secret"));
        assertThat(request.getConnectionId()).isNull();
        assertThat(request.getCleanStart()).isTrue();
        assertThat(request.getSessionExpirySeconds()).isZero();
        assertThat(request.getReceiveMaximum()).isEqualTo(65535);
        assertThat(request.getAnonymous()).isFalse();
        assertThat(request.getWill()).isNull();
        assertThat(request.getTimeoutMs()).isEqualTo(10_000L);
        assertThat(request).isEqualTo(Release010ReadToday.authRequest());
    }

    @Test
    void anOldEdgeMessageCarriesAnAuthDecisionWithNoSessionPresent() {
        // given an EdgeMessage with an AuthDecision as the 0.1.0 auth job wrote it
        byte[] bytes = Release010.encode(Release010.edgeMessageWithAuthDecision());

        // when today's codec reads it
        EdgeMessage message = Codecs.EDGE_MESSAGE.decode(bytes);

        // then the body is the first branch of today's union, with the new fields' defaults
        assertThat(message.getBody()).isInstanceOf(AuthDecision.class);
        AuthDecision decision = (AuthDecision) message.getBody();
        assertThat(decision.getOutcome()).isEqualTo(AuthOutcome.ALLOWED);
        assertThat(decision.getTenant()).isEqualTo("acme");
        assertThat(decision.getSessionPresent()).isFalse();
        assertThat(decision.getConnectionId()).isNull();
        assertThat(decision.getSessionExpirySeconds()).isNull();
        assertThat(decision.getAwaitingRelease()).isEmpty();
        assertThat(message).isEqualTo(Release010ReadToday.edgeMessage());
    }

    @Test
    void anOldDeviceRecordIsReadUnchanged() {
        // given a DeviceRecord as the 0.1.0 CLI wrote it to the compacted registry
        byte[] bytes = Release010.encode(Release010.deviceRecord());

        // when today's codec reads it
        DeviceRecord device = Codecs.DEVICE_RECORD.decode(bytes);

        // then
        assertThat(device).isEqualTo(Release010ReadToday.deviceRecord());
    }
}
