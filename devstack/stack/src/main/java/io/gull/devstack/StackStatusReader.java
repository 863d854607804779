package io.gull.devstack;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the status of each service from its pid file, then probes the live ones: a TCP connect to Kafka, Cassandra
 * and the edges, and Flink's REST API for the state of Gull's jobs. Uses the endpoints recorded by the last start, so a
 * stack started on other ports is still described right.
 */
final class StackStatusReader {
    private static final int PROBE_TIMEOUT_MS = 500;

    private final StackConfig config;
    private final StackLayout layout;
    private final ProcessSupervisor supervisor;

    StackStatusReader(StackConfig config, StackLayout layout, ProcessSupervisor supervisor) {
        this.config = config;
        this.layout = layout;
        this.supervisor = supervisor;
    }

    List<ServiceStatus> read(List<ServiceLauncher> services) {
        Endpoints endpoints = recordedEndpoints();
        List<ServiceStatus> out = new ArrayList<>();
        for (ServiceLauncher service : services) {
            String endpoint = endpoint(service, endpoints);
            Optional<ProcessHandle> process = supervisor.running(service.name(), layout.pidFile(service.name()));
            if (process.isEmpty()) {
                out.add(new ServiceStatus(service.name(), false, -1, endpoint, "not running"));
            } else {
                out.add(new ServiceStatus(service.name(), true, process.get().pid(), endpoint,
                        detail(service.name(), endpoint)));
            }
        }
        return out;
    }

    private Endpoints recordedEndpoints() {
        try {
            return Endpoints.load(config.dataDir()).orElse(Endpoints.of(config));
        } catch (StackException e) {
            return Endpoints.of(config);
        }
    }

    /** Kafka, Cassandra and Flink as recorded; an edge's launcher already holds its recorded port. */
    private static String endpoint(ServiceLauncher service, Endpoints endpoints) {
        return switch (service.name()) {
            case KafkaLauncher.NAME -> endpoints.kafkaBootstrap();
            case CassandraLauncher.NAME -> endpoints.cassandraContactPoint();
            case FlinkLauncher.NAME -> endpoints.flinkRestUrl();
            default -> service.endpoint();
        };
    }

    private String detail(String service, String endpoint) {
        if (service.equals(FlinkLauncher.NAME)) {
            return flinkDetail(endpoint);
        }
        URI address = URI.create(endpoint.contains("://") ? endpoint : "tcp://" + endpoint);
        return PortCheck.accepts(address.getHost(), address.getPort(), PROBE_TIMEOUT_MS)
                ? "accepting connections"
                : "process alive but port " + address.getPort() + " not answering (starting, or stuck: see "
                        + layout.logFile(service) + ")";
    }

    private String flinkDetail(String restUrl) {
        FlinkRestClient rest = new FlinkRestClient(restUrl);
        if (!rest.isUp()) {
            return "process alive but the REST API does not answer (see " + layout.logFile(FlinkLauncher.NAME) + ")";
        }
        try {
            Map<String, String> ids = FlinkJobRecords.of(layout).load();
            List<FlinkRestClient.JobSummary> jobs = rest.jobs();
            List<String> parts = new ArrayList<>();
            for (String entryClass : FlinkJobSubmitter.ENTRY_CLASSES) {
                String id = ids.get(entryClass);
                String state = jobs.stream().filter(j -> j.id().equals(id)).findFirst()
                        .map(FlinkRestClient.JobSummary::state).orElse("not submitted");
                parts.add(FlinkJobSubmitter.simpleName(entryClass) + " " + state);
            }
            return "jobs: " + String.join(", ", parts);
        } catch (StackException e) {
            return "REST API answers, jobs unknown: " + e.getMessage();
        }
    }
}
