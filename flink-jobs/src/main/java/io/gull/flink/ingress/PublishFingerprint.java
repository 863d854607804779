package io.gull.flink.ingress;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

import io.gull.schemas.avro.Publish;

/** 64 bits that tell two messages apart: CRC-32C of the topic, then of the payload. */
public final class PublishFingerprint {
    private PublishFingerprint() {
    }

    public static long of(Publish publish) {
        CRC32C topic = new CRC32C();
        topic.update(publish.getTopic().getBytes(StandardCharsets.UTF_8));
        CRC32C payload = new CRC32C();
        ByteBuffer bytes = publish.getPayload().duplicate();
        payload.update(bytes);
        return topic.getValue() << 32 | payload.getValue();
    }
}
