package io.gull.edge.kafka;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gull.schemas.Codecs;
import io.gull.schemas.MalformedRecordException;
import io.gull.schemas.avro.EdgeMessage;

/**
 * Reads this edge's inbox topic {@code gull.edge.<edgeId>} on its own thread: every partition assigned
 * (no consumer group), starting at the end, each {@code EdgeMessage} handed to the handler.
 */
public final class InboxConsumer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InboxConsumer.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final Consumer<EdgeMessage> handler;
    private final Thread thread;
    private volatile boolean running = true;

    public InboxConsumer(KafkaConsumer<byte[], byte[]> consumer, String topic, Consumer<EdgeMessage> handler) {
        this.consumer = consumer;
        this.topic = topic;
        this.handler = handler;
        this.thread = new Thread(this::run, "gull-edge-inbox");
        this.thread.setDaemon(true);
    }

    /**
     * Assigns every partition of the inbox, positions at its end (resolved now, so no decision written
     * after this returns can be skipped), and starts the polling thread.
     */
    public void start(Duration metadataTimeout) throws InterruptedException {
        long deadline = System.nanoTime() + metadataTimeout.toNanos();
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, metadataTimeout);
        while (partitions == null || partitions.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("inbox topic " + topic + " has no partitions visible");
            }
            Thread.sleep(100);
            partitions = consumer.partitionsFor(topic, metadataTimeout);
        }
        List<TopicPartition> assigned = partitions.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(assigned);
        consumer.seekToEnd(assigned);
        assigned.forEach(tp -> consumer.position(tp, metadataTimeout));
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    dispatch(record);
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            log.error("The inbox reader of {} stopped: {}. CONNECTs will time out; restart the edge.", topic,
                    e.toString(), e);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private void dispatch(ConsumerRecord<byte[], byte[]> record) {
        try {
            handler.accept(Codecs.EDGE_MESSAGE.decode(record.value()));
        } catch (MalformedRecordException e) {
            log.warn("Skipping malformed record at {}-{} offset {}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Handling inbox record at {}-{} offset {} failed", record.topic(), record.partition(),
                    record.offset(), e);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
