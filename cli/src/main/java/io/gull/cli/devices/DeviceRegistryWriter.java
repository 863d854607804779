package io.gull.cli.devices;

import org.apache.kafka.clients.producer.RecordMetadata;

import io.gull.cli.connect.HostPort;
import io.gull.cli.connect.KafkaWriter;
import io.gull.schemas.Codecs;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.DeviceRecord;

/** Writes to the compacted {@code gull.devices} topic and waits for Kafka's acknowledgement (acks=all). */
public final class DeviceRegistryWriter {
    private final KafkaWriter kafka;

    public DeviceRegistryWriter(HostPort bootstrap) {
        this.kafka = new KafkaWriter(bootstrap);
    }

    /** Adds or replaces the device (key = device id). */
    public RecordMetadata put(DeviceRecord device) {
        return kafka.write(Topics.DEVICES, device.getDeviceId(), Codecs.DEVICE_RECORD.encode(device));
    }

    /** Deletes the device: a tombstone (null value) for its key. */
    public RecordMetadata remove(String deviceId) {
        return kafka.write(Topics.DEVICES, DeviceIds.validate(deviceId), null);
    }
}
