package io.gull.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;

import io.gull.devstack.testing.TestStacks;
import io.gull.schemas.Topics;

/**
 * Kafka, Cassandra and Flink started as the stack starts them (own processes, readiness checks, topics, schema) on
 * free ports in a temp data dir. The Flink jobs and the edge are covered by {@code SharedStackTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackTest {
    private final List<String> progress = new ArrayList<>();
    private StackConfig config;
    private GullStack stack;

    @BeforeAll
    void startKafkaCassandraAndFlink() {
        config = TestStacks.freshConfig("stacktest");
        StackProgress recorder = line -> {
            synchronized (progress) {
                progress.add(line);
            }
        };
        stack = new GullStack(config, recorder);
        stack.startService("kafka");
        stack.startService("cassandra");
        // the Flink cluster alone; submitting the jobs is SharedStackTest's business
        StackLayout layout = StackLayout.of(config);
        new ServiceStarter(new ProcessSupervisor(JavaCommand.currentJava()), recorder)
                .start(new FlinkLauncher(config, layout));
    }

    @AfterAll
    void stopEverything() {
        if (stack != null) {
            stack.stop();
            assertThat(stack.status()).noneMatch(ServiceStatus::running);
            TestStacks.deleteDataDir(config.dataDir());
        }
    }

    @Test
    @Order(1)
    void shouldReportProgressWhileStarting() {
        assertThat(progress).anyMatch(line -> line.startsWith("Kafka        ") && line.contains("starting on 127.0.0.1:"))
                .anyMatch(line -> line.matches("Kafka\\s+ready \\(\\d+\\.\\d s\\)"))
                .anyMatch(line -> line.matches("Cassandra\\s+ready \\(\\d+\\.\\d s\\)"))
                .anyMatch(line -> line.matches("Flink\\s+ready \\(\\d+\\.\\d s\\)"));
    }

    @Test
    @Order(1)
    void shouldCreateGullTopicsWithTheDeviceRegistryCompacted() throws Exception {
        try (Admin admin = KafkaAdmins.create(kafkaBootstrap())) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertThat(topics).contains(Topics.INGRESS, Topics.SESSIONS, Topics.AUTH_REQUESTS, Topics.DEVICES,
                    Topics.COMMANDS, Topics.DEADLETTER);
            assertThat(admin.describeTopics(List.of(Topics.INGRESS)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(Topics.INGRESS).partitions()).hasSize(4);
            ConfigResource devices = new ConfigResource(ConfigResource.Type.TOPIC, Topics.DEVICES);
            Config devicesConfig = admin.describeConfigs(List.of(devices)).all().get(30, TimeUnit.SECONDS).get(devices);
            assertThat(devicesConfig.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    @Order(1)
    void shouldApplyTheCqlSchemaToTheConfiguredKeyspace() {
        try (CqlSession session = CqlSession.builder()
                .addContactPoint(new InetSocketAddress("127.0.0.1", config.cassandraPort()))
                .withLocalDatacenter("datacenter1").build()) {
            Set<String> tables = session.execute(
                    "SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?", config.keyspace()).all()
                    .stream().map((Row row) -> row.getString("table_name")).collect(Collectors.toSet());
            assertThat(tables).contains("telemetry_by_device", "latest_by_device");
        }
    }

    @Test
    @Order(1)
    void shouldServeTheFlinkRestApiWithOneTaskManager() throws Exception {
        HttpResponse<String> overview = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stack.endpoints().flinkRestUrl() + "/overview")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("\"taskmanagers\":1").contains("\"slots-total\":4");
    }

    @Test
    @Order(1)
    void shouldReportRunningServicesWithPidsAndEndpoints() {
        Map<String, ServiceStatus> status = stack.status().stream()
                .collect(Collectors.toMap(ServiceStatus::name, s -> s));
        assertThat(status.get("kafka").running()).isTrue();
        assertThat(status.get("kafka").pid()).isPositive();
        assertThat(status.get("kafka").endpoint()).isEqualTo(kafkaBootstrap());
        assertThat(status.get("kafka").detail()).isEqualTo("accepting connections");
        assertThat(status.get("cassandra").running()).isTrue();
        assertThat(status.get("flink").running()).isTrue();
        assertThat(status.get("flink").detail()).startsWith("jobs: ");
        assertThat(status.get("edge").running()).isFalse();
        assertThat(status.get("edge").pid()).isEqualTo(-1);
    }

    @Test
    @Order(1)
    void shouldWriteEndpointsForLaterCommands() {
        assertThat(Endpoints.load(config.dataDir())).contains(stack.endpoints());
        assertThat(stack.endpoints().mqtt()).isEqualTo("tcp://127.0.0.1:" + config.mqttPort());
    }

    @Test
    @Order(2)
    void shouldRefuseToStartTwiceFromOneDataDir() {
        GullStack second = new GullStack(config, line -> { });

        assertThatThrownBy(second::start)
                .isInstanceOf(StackException.class)
                .hasMessageStartingWith("Gull is already running from " + config.dataDir())
                .hasMessageContaining("kafka pid ");
    }

    @Test
    @Order(2)
    void shouldNameATakenPortAndStartNothing() throws IOException {
        StackConfig other = TestStacks.freshConfig("porttaken");
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress("127.0.0.1", other.kafkaPort()));
            GullStack blocked = new GullStack(other, line -> { });

            assertThatThrownBy(blocked::start)
                    .isInstanceOf(StackException.class)
                    .hasMessageStartingWith("Port " + other.kafkaPort() + " (Kafka) is already in use");
            assertThat(blocked.status()).noneMatch(ServiceStatus::running);
            assertThat(other.dataDir().resolve("run")).doesNotExist();
        } finally {
            TestStacks.deleteDataDir(other.dataDir());
        }
    }

    @Test
    @Order(3)
    void shouldKeepKafkaRecordsWhenKafkaIsStoppedAndStartedAgain() throws Exception {
        String key = "survivor-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.COMMANDS, key, "still here")).get(30, TimeUnit.SECONDS);
        }
        GullStack later = new GullStack(config, line -> { }); // as a later CLI run: knows only the data dir

        later.stopService("kafka");
        assertThat(statusOf(later, "kafka").running()).isFalse();
        assertThat(PortCheck.isFree("127.0.0.1", config.kafkaPort())).isTrue();
        later.startService("kafka");

        assertThat(Files.readString(StackLayout.of(config).logFile("kafka"), StandardCharsets.UTF_8))
                .contains("already formatted");
        assertThat(consumeAll(Topics.COMMANDS)).anyMatch(r -> r.key().equals(key) && r.value().equals("still here"));
    }

    private List<ConsumerRecord<String, String>> consumeAll(String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "stacktest-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static ServiceStatus statusOf(GullStack stack, String name) {
        return stack.status().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private String kafkaBootstrap() {
        return "127.0.0.1:" + config.kafkaPort();
    }
}
