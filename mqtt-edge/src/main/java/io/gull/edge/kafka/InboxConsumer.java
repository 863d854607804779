package io.gull.edge.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
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
 * (no consumer group), starting at the end, each {@code EdgeMessage} handed to the handler. The end, because
 * nothing written before this process started is of use to it: every record is addressed to a connection id
 * minted by this process (older ones name connections that are gone), auth decisions answer requests nobody
 * waits for any more, and the sessions job resends what a session still owes when its device reconnects. When polling
 * fails it retries with a growing pause (up to {@code maxBackoff}), logging once per outage, so a Kafka
 * hiccup does not leave an edge that refuses every CONNECT until restarted.
 */
public final class InboxConsumer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InboxConsumer.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

    private final org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final Consumer<EdgeMessage> handler;
    private final Duration maxBackoff;
    private final Thread thread;
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile Duration closeTimeout = Duration.ofSeconds(5);

    public InboxConsumer(org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer, String topic,
                         Consumer<EdgeMessage> handler) {
        this(consumer, topic, handler, Duration.ofSeconds(30));
    }

    InboxConsumer(org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer, String topic,
                  Consumer<EdgeMessage> handler, Duration maxBackoff) {
        this.consumer = consumer;
        this.topic = topic;
        this.handler = handler;
        this.maxBackoff = maxBackoff;
        this.thread = new Thread(this::run, "gull-edge-inbox");
        this.thread.setDaemon(true);
    }

    /**
     * Assigns every partition of the inbox, positions at its end (resolved now, so no decision written
     * after this returns can be skipped), and starts the polling thread. Closes the consumer when it fails.
     */
    public void start(Duration metadataTimeout) throws InterruptedException {
        try {
            assignAtEnd(metadataTimeout);
        } catch (InterruptedException | RuntimeException e) {
            consumer.close(CloseOptions.timeout(Duration.ZERO));
            throw e;
        }
        thread.start();
    }

    private void assignAtEnd(Duration metadataTimeout) throws InterruptedException {
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
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
        boolean failing = false;
        try {
            while (running) {
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = consumer.poll(Duration.ofMillis(500));
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    if (!failing) {
                        failing = true;
                        log.error("Reading the inbox {} failed: {}. CONNECTs get no auth decision (0x03/0x88) "
                                + "until it works again; retrying with backoff up to {} ms.", topic, e.toString(),
                                maxBackoff.toMillis(), e);
                    } else {
                        log.debug("Reading the inbox {} still fails: {}", topic, e.toString());
                    }
                    if (stop.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                        return;
                    }
                    backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
                    continue;
                }
                if (failing) {
                    failing = false;
                    backoff = FIRST_BACKOFF;
                    log.info("Reading the inbox {} works again", topic);
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    dispatch(record);
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(CloseOptions.timeout(closeTimeout));
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
        close(Duration.ofSeconds(10));
    }

    /** Stops the reader thread and closes the consumer, waiting at most {@code timeout}. */
    public void close(Duration timeout) {
        closeTimeout = timeout.dividedBy(2);
        running = false;
        stop.countDown();
        consumer.wakeup();
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
