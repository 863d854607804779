package io.gull.cli.connect;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import io.gull.cli.CliException;

/** A quick TCP check before a client starts retrying on its own, so a server that is down fails fast and clearly. */
public final class Reachability {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    private Reachability() {
    }

    /**
     * @param server name shown to the user, e.g. "Kafka"
     * @throws CliException "Cannot reach Kafka at 127.0.0.1:9092 — is the stack running? ./gull up -d"
     */
    public static void require(String server, HostPort address, Duration timeout) {
        InetSocketAddress socketAddress = address.socketAddress();
        if (socketAddress.isUnresolved()) {
            throw new CliException("Cannot resolve host '" + address.host() + "' of " + server + " at " + address);
        }
        try (Socket socket = new Socket()) {
            socket.connect(socketAddress, (int) timeout.toMillis());
        } catch (IOException e) {
            throw new CliException(unreachable(server, address), e);
        }
    }

    /** The one-line message for a server that does not answer. */
    public static String unreachable(String server, HostPort address) {
        return "Cannot reach " + server + " at " + address + " \u2014 is the stack running? ./gull up -d";
    }
}
