package io.gull.cli.connect;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;

import io.gull.cli.CliException;

/**
 * Writes one record and waits for Kafka's acknowledgement (acks=all, idempotent). A Kafka that does not answer fails
 * fast and in one line: "Cannot reach Kafka at ... — is the stack running?".
 */
public final class KafkaWriter {
    private final HostPort bootstrap;

    public KafkaWriter(HostPort bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** @param value the record's value; null writes a tombstone */
    public RecordMetadata write(String topic, String key, byte[] value) {
        Reachability.require("Kafka", bootstrap, Reachability.DEFAULT_TIMEOUT);
        try (Producer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producer(bootstrap))) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted while writing to " + topic);
        } catch (ExecutionException e) {
            throw failure(topic, e.getCause() == null ? e : e.getCause());
        } catch (KafkaException e) {
            throw failure(topic, e);
        }
    }

    private CliException failure(String topic, Throwable cause) {
        if (cause instanceof TimeoutException) {
            return new CliException("Kafka at " + bootstrap + " did not acknowledge the write to " + topic
                    + " in time (" + cause.getMessage() + ") \u2014 is the stack running and ready? ./gull status",
                    cause);
        }
        return new CliException("Writing to " + topic + " on Kafka at " + bootstrap + " failed: " + cause.getMessage(),
                cause);
    }
}
