package io.gull.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Whether a TCP port can be bound, and whether a server accepts connections on it. */
final class PortCheck {

    /** How long one readiness probe waits for a connection. */
    static final int PROBE_TIMEOUT_MILLIS = 500;

    private PortCheck() {
    }

    /** True when nothing listens on {@code host:port} (so a server could bind it). */
    static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** One readiness probe: true when a TCP connection to {@code host:port} succeeds within {@value #PROBE_TIMEOUT_MILLIS} ms. */
    static boolean accepts(String host, int port) {
        return accepts(host, port, PROBE_TIMEOUT_MILLIS);
    }

    /** True when a TCP connection to {@code host:port} succeeds within the timeout. */
    static boolean accepts(String host, int port, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
