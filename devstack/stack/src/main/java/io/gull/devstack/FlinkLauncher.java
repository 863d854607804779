package io.gull.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Flink session cluster: {@code io.gull.devstack.flink.FlinkClusterMain} in a JVM of its own, with the JDK 17
 * module flags Flink needs to run jars submitted over REST. Ready once {@code GET /overview} answers.
 */
final class FlinkLauncher implements JavaServiceLauncher {
    static final String NAME = "flink";

    /** From Flink's own launch scripts: without them {@code POST /jars/<id>/run} fails on JDK 17. */
    static final List<String> JDK17_FLAGS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private final StackConfig config;
    private final JavaServer server;
    private final FlinkRestClient rest;

    FlinkLauncher(StackConfig config, StackLayout layout) {
        this.config = config;
        this.server = JavaServer.runnableModule(NAME, "Flink", layout, "devstack/flink-cluster",
                "io.gull.devstack.flink.FlinkClusterMain", Duration.ofSeconds(120), Duration.ofSeconds(40));
        this.rest = new FlinkRestClient(restUrl());
    }

    @Override
    public JavaServer server() {
        return server;
    }

    @Override
    public List<PortUse> ports() {
        return List.of(new PortUse(config.bindHost(), config.flinkRestPort(), "Flink REST/web UI"));
    }

    @Override
    public ServiceSpec prepare() {
        List<String> jvm = new ArrayList<>(List.of("-XX:+UseG1GC",
                // lets the web UI show this log under Job Manager > Logs
                "-Dlog.file=" + server.logFile()));
        jvm.addAll(JDK17_FLAGS);
        List<String> args = List.of("--data-dir", server.dataDir().toString(),
                "--rest-port", Integer.toString(config.flinkRestPort()), "--bind-host", config.bindHost(),
                "--slots", "4");
        return server.spec("256m", "1g", jvm, args);
    }

    @Override
    public String endpoint() {
        return restUrl();
    }

    String restUrl() {
        return "http://" + config.connectHost() + ":" + config.flinkRestPort();
    }

    FlinkRestClient rest() {
        return rest;
    }

    @Override
    public boolean isReady() {
        return rest.isUp();
    }
}
