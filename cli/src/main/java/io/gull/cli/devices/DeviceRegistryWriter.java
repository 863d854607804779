package io.gull.cli.devices;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;

import io.gull.cli.CliException;
import io.gull.cli.connect.HostPort;
import io.gull.cli.connect.KafkaClients;
import io.gull.cli.connect.Reachability;
import io.gull.schemas.Codecs;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.DeviceRecord;

/** Writes to the compacted {@code gull.devices} topic and waits for Kafka's acknowledgement (acks=all). */
public final class DeviceRegistryWriter {
    private final HostPort bootstrap;

    public DeviceRegistryWriter(HostPort bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Adds or replaces the device (key = device id). */
    public RecordMetadata put(DeviceRecord device) {
        return send(device.getDeviceId(), Codecs.DEVICE_RECORD.encode(device));
    }

    /** Deletes the device: a tombstone (null value) for its key. */
    public RecordMetadata remove(String deviceId) {
        return send(DeviceIds.validate(deviceId), null);
    }

    private RecordMetadata send(String key, byte[] value) {
        Reachability.require("Kafka", bootstrap, Reachability.DEFAULT_TIMEOUT);
        try (Producer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producer(bootstrap))) {
            return producer.send(new ProducerRecord<>(Topics.DEVICES, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted while writing to " + Topics.DEVICES);
        } catch (ExecutionException e) {
            throw failure(e.getCause() == null ? e : e.getCause());
        } catch (KafkaException e) {
            throw failure(e);
        }
    }

    private CliException failure(Throwable cause) {
        if (cause instanceof TimeoutException) {
            return new CliException("Kafka at " + bootstrap + " did not acknowledge the write to " + Topics.DEVICES
                    + " in time (" + cause.getMessage() + ") \u2014 is the stack running and ready? ./gull status",
                    cause);
        }
        return new CliException("Writing to " + Topics.DEVICES + " on Kafka at " + bootstrap + " failed: "
                + cause.getMessage(), cause);
    }
}
