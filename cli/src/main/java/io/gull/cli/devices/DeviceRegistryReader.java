package io.gull.cli.devices;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

import io.gull.cli.CliException;
import io.gull.cli.connect.HostPort;
import io.gull.cli.connect.KafkaClients;
import io.gull.cli.connect.Reachability;
import io.gull.schemas.Codecs;
import io.gull.schemas.MalformedRecordException;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.DeviceRecord;

/**
 * Reads the whole {@code gull.devices} topic, from the beginning to the end offsets seen at the start, without a
 * consumer group, keeping the latest record per device; a tombstone drops the device.
 */
public final class DeviceRegistryReader {
    private static final Duration POLL = Duration.ofMillis(200);

    private final HostPort bootstrap;
    private final Duration deadline;

    public DeviceRegistryReader(HostPort bootstrap, Duration deadline) {
        this.bootstrap = bootstrap;
        this.deadline = deadline;
    }

    /** The registry as read, sorted by device id, and how many records could not be decoded. */
    public record Snapshot(SortedMap<String, DeviceRecord> devices, int undecodable) {
    }

    public Snapshot read() {
        Reachability.require("Kafka", bootstrap, Reachability.DEFAULT_TIMEOUT);
        try (Consumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaClients.reader(bootstrap))) {
            return read(consumer);
        } catch (TimeoutException e) {
            throw new CliException("Kafka at " + bootstrap + " did not answer in time (" + e.getMessage()
                    + ") \u2014 is the stack running and ready? ./gull status", e);
        } catch (KafkaException e) {
            throw new CliException("Reading " + Topics.DEVICES + " from Kafka at " + bootstrap + " failed: "
                    + e.getMessage(), e);
        }
    }

    private Snapshot read(Consumer<String, byte[]> consumer) {
        SortedMap<String, DeviceRecord> devices = new TreeMap<>();
        if (!consumer.listTopics().containsKey(Topics.DEVICES)) {
            return new Snapshot(devices, 0);
        }
        List<PartitionInfo> infos = consumer.partitionsFor(Topics.DEVICES);
        List<TopicPartition> partitions = infos.stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .collect(Collectors.toList());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        int undecodable = 0;
        Instant giveUp = Instant.now().plus(deadline);
        while (!reached(consumer, end)) {
            if (Instant.now().isAfter(giveUp)) {
                throw new CliException("Reading " + Topics.DEVICES + " from Kafka at " + bootstrap
                        + " did not finish within " + deadline.toSeconds() + " s");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                if (record.key() == null) {
                    undecodable++;
                } else if (record.value() == null) {
                    devices.remove(record.key());
                } else {
                    try {
                        devices.put(record.key(), Codecs.DEVICE_RECORD.decode(record.value()));
                    } catch (MalformedRecordException e) {
                        undecodable++;
                    }
                }
            }
        }
        return new Snapshot(devices, undecodable);
    }

    private static boolean reached(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> entry : end.entrySet()) {
            if (consumer.position(entry.getKey()) < entry.getValue()) {
                return false;
            }
        }
        return true;
    }
}
