package io.gull.devstack.e2e;

import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.gull.schemas.Codecs;
import io.gull.schemas.PasswordHashing;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.DeviceRecord;

/** Registers devices the way an operator does: a DeviceRecord in the compacted gull.devices topic. */
final class TestDevices {
    private TestDevices() {
    }

    static void register(String kafkaBootstrap, String deviceId, String password, String tenant) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            Instant now = Instant.now();
            DeviceRecord device = DeviceRecord.newBuilder()
                    .setDeviceId(deviceId).setTenant(tenant)
                    .setCredential(PasswordHashing.hash(password))
                    .setMetadata(Map.of()).setCreatedAt(now).setUpdatedAt(now)
                    .build();
            producer.send(new ProducerRecord<>(Topics.DEVICES, deviceId, Codecs.DEVICE_RECORD.encode(device)))
                    .get(30, TimeUnit.SECONDS);
        }
    }
}
