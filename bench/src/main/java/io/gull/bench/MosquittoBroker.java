package io.gull.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Mosquitto broker of its own for one run: writes a mosquitto.conf into a temp dir (listener on a free port of
 * 127.0.0.1, anonymous clients, no persistence, TCP_NODELAY like Gull's edges), starts {@code mosquitto -c},
 * waits until the port accepts connections, and stops it (SIGTERM, then SIGKILL) on {@link #close()}.
 */
public final class MosquittoBroker implements AutoCloseable {
    private static final long START_TIMEOUT_MS = 10_000;
    private final Process process;
    private final Path dir;
    private final int port;

    private MosquittoBroker(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** The mosquitto executable, if installed. */
    public static Optional<Path> executable() {
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(s -> !s.isEmpty()).map(Path::of);
        return Stream.concat(onPath, Stream.of(Path.of("/usr/sbin"), Path.of("/usr/local/sbin"), Path.of("/sbin")))
                .map(d -> d.resolve("mosquitto"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** "mosquitto version 2.0.11" (the first line of {@code mosquitto -h}), or "mosquitto (version unknown)". */
    public static String version() {
        Optional<Path> mosquitto = executable();
        if (mosquitto.isEmpty()) {
            return "mosquitto (not installed)";
        }
        try {
            Process process = new ProcessBuilder(mosquitto.get().toString(), "-h").redirectErrorStream(true).start();
            String first = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines().findFirst().orElse("").trim();
            process.waitFor(5, TimeUnit.SECONDS);
            return first.startsWith("mosquitto version") ? first : "mosquitto (version unknown)";
        } catch (IOException e) {
            return "mosquitto (version unknown)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "mosquitto (version unknown)";
        }
    }

    /** The config this benchmark runs Mosquitto with. */
    static String config(int port, Path dir) {
        return "# written by the Gull benchmark for one run\n"
                + "listener " + port + " 127.0.0.1\n"
                + "allow_anonymous true\n"
                + "persistence false\n"
                + "set_tcp_nodelay true\n"
                + "max_queued_messages 100000\n"
                + "log_dest file " + dir.resolve("mosquitto.log") + "\n"
                + "log_type error\nlog_type warning\nlog_type notice\n";
    }

    /** @throws MosquittoNotInstalledException when there is no mosquitto executable */
    public static MosquittoBroker start() throws IOException, InterruptedException {
        Path mosquitto = executable().orElseThrow(MosquittoNotInstalledException::new);
        Path dir = Files.createTempDirectory("gull-bench-mosquitto");
        int port = freePort();
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, config(port, dir));
        Process process = new ProcessBuilder(mosquitto.toString(), "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .start();
        MosquittoBroker broker = new MosquittoBroker(process, dir, port);
        try {
            broker.awaitListening();
        } catch (IOException | RuntimeException | InterruptedException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    public Endpoint endpoint() {
        return new Endpoint("127.0.0.1", port);
    }

    public long pid() {
        return process.pid();
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("mosquitto exited with code " + process.exitValue() + " at start; see "
                        + dir.resolve("stdout.log") + ": " + tail(dir.resolve("stdout.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("mosquitto did not listen on 127.0.0.1:" + port + " within " + START_TIMEOUT_MS + " ms");
    }

    private static String tail(Path file) {
        try {
            String text = Files.readString(file).trim();
            return text.length() > 500 ? text.substring(text.length() - 500) : text;
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
