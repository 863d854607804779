package io.gull.cli.connect;

import java.time.Duration;
import java.util.function.Consumer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;

import io.gull.cli.CliException;

/**
 * Writes many records to one topic through one producer: batched, acks=all, idempotent. {@link #open} fails fast and
 * in one line when Kafka is down or does not answer (before a caller spends minutes preparing records); each
 * {@link #send} reports its acknowledgement or failure to its callback, on the producer's thread. Thread-safe.
 */
public final class KafkaBatchWriter implements AutoCloseable {
    private final HostPort bootstrap;
    private final String topic;
    private final Producer<String, byte[]> producer;

    private KafkaBatchWriter(HostPort bootstrap, String topic, Producer<String, byte[]> producer) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.producer = producer;
    }

    /**
     * Connects and fetches the topic's metadata.
     *
     * @throws CliException when Kafka cannot be reached, does not answer in time, or has no such topic
     */
    public static KafkaBatchWriter open(HostPort bootstrap, String topic) {
        Reachability.require("Kafka", bootstrap, Reachability.DEFAULT_TIMEOUT);
        Producer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.batchProducer(bootstrap));
        try {
            producer.partitionsFor(topic);
            return new KafkaBatchWriter(bootstrap, topic, producer);
        } catch (TimeoutException e) {
            producer.close();
            throw new CliException("Kafka at " + bootstrap + " did not answer in time (" + e.getMessage()
                    + ") \u2014 is the stack running and ready? ./gull status", e);
        } catch (KafkaException e) {
            producer.close();
            throw new CliException("Cannot write to " + topic + " on Kafka at " + bootstrap + ": " + e.getMessage(), e);
        }
    }

    /**
     * Hands one record to the producer; may block while its buffer is full.
     *
     * @param done called once, with null when Kafka acknowledged the record, else with what went wrong (also when
     *             the record could not even be handed over)
     */
    public void send(String key, byte[] value, Consumer<Exception> done) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> done.accept(error));
        } catch (KafkaException | IllegalStateException e) {
            // IllegalStateException: abandoned meanwhile
            done.accept(e);
        }
    }

    /**
     * Gives up on every record not acknowledged yet: their callbacks report a failure now instead of after the
     * delivery timeout (a minute), and later sends fail at once. Whether Kafka stored them is then unknown.
     */
    public void abandon() {
        producer.close(Duration.ZERO);
    }

    /** One line for a failed record, e.g. for a summary. */
    public String describe(Exception failure) {
        if (failure instanceof IllegalStateException || "Producer is closed forcefully.".equals(failure.getMessage())) {
            return "not acknowledged when the import gave up after an earlier failure";
        }
        if (failure instanceof TimeoutException) {
            return "Kafka at " + bootstrap + " did not acknowledge in time (" + failure.getMessage() + ")";
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    @Override
    public void close() {
        producer.close();
    }
}
