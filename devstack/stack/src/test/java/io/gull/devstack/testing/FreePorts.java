package io.gull.devstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Distinct TCP ports free on 127.0.0.1 right now (all held open together while choosing, so they differ). */
public final class FreePorts {
    private static final int BLOCK_ATTEMPTS = 200;

    private FreePorts() {
    }

    public static int[] allocate(int count) {
        return allocate(count, 0);
    }

    /**
     * {@code singles} free ports, then (when {@code blockSize > 0}) the first of {@code blockSize} consecutive free
     * ports, none of them equal: {@code [single..., blockStart]}. The stack's edges listen on consecutive ports.
     */
    public static int[] allocate(int singles, int blockSize) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[singles + (blockSize > 0 ? 1 : 0)];
            if (blockSize > 0) {
                ports[singles] = block(blockSize, sockets);
            }
            for (int i = 0; i < singles; i++) {
                ServerSocket socket = bind(0).orElseThrow(() -> new IOException("no free port"));
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find free ports", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing a listening socket we own does not fail in practice
                }
            }
        }
    }

    /** Binds {@code size} consecutive ports (kept in {@code held}) and returns the first. */
    private static int block(int size, List<ServerSocket> held) throws IOException {
        for (int attempt = 0; attempt < BLOCK_ATTEMPTS; attempt++) {
            ServerSocket first = bind(0).orElseThrow(() -> new IOException("no free port"));
            List<ServerSocket> taken = new ArrayList<>(List.of(first));
            int start = first.getLocalPort();
            for (int port = start + 1; port < start + size && port <= 65535; port++) {
                Optional<ServerSocket> next = bind(port);
                if (next.isEmpty()) {
                    break;
                }
                taken.add(next.get());
            }
            if (taken.size() == size) {
                held.addAll(taken);
                return start;
            }
            for (ServerSocket socket : taken) {
                socket.close();
            }
        }
        throw new IOException("no " + size + " consecutive free ports after " + BLOCK_ATTEMPTS + " attempts");
    }

    private static Optional<ServerSocket> bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        try {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return Optional.of(socket);
        } catch (IOException e) {
            socket.close();
            if (port == 0) {
                throw e;
            }
            return Optional.empty();
        }
    }
}
