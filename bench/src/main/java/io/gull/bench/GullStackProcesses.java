package io.gull.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The server processes of a running Gull stack, from the pid files the devstack writes into its data dir
 * ({@code <data dir>/run/<service>.pid}, a properties file with {@code pid=...}; services kafka, cassandra, flink,
 * edge, edge-2 ...). Only processes still alive count.
 */
public record GullStackProcesses(Path dataDir, Map<String, Long> pidsByService) {
    public GullStackProcesses {
        pidsByService = new TreeMap<>(pidsByService);
    }

    public static GullStackProcesses read(Path dataDir) {
        Map<String, Long> pids = new TreeMap<>();
        Path run = dataDir.resolve("run");
        if (Files.isDirectory(run)) {
            try (Stream<Path> files = Files.list(run)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
                    String service = file.getFileName().toString().replaceFirst("\\.pid$", "");
                    pid(file).filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                            .ifPresent(pid -> pids.put(service, pid));
                }
            } catch (IOException e) {
                // no pids: the CPU columns say "?"
            }
        }
        return new GullStackProcesses(dataDir, pids);
    }

    static java.util.Optional<Long> pid(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
            return java.util.Optional.of(Long.parseLong(p.getProperty("pid", "").trim()));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** The Gull edge target: the edges and Kafka count; Flink and Cassandra are shown. */
    public List<ServerProcess> forEdgeTarget() {
        return servers(true);
    }

    /** The raw Kafka producer target: Kafka counts; the (idle) edges, Flink and Cassandra are shown. */
    public List<ServerProcess> forKafkaTarget() {
        return servers(false);
    }

    private List<ServerProcess> servers(boolean edgesCount) {
        List<ServerProcess> out = new ArrayList<>();
        pidsByService.forEach((service, pid) -> {
            boolean edge = service.equals("edge") || service.startsWith("edge-");
            boolean counted = service.equals("kafka") || (edge && edgesCount);
            out.add(new ServerProcess(service, pid, counted));
        });
        return out;
    }

    public boolean isEmpty() {
        return pidsByService.isEmpty();
    }
}
