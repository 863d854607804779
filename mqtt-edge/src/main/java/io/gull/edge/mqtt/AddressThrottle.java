package io.gull.edge.mqtt;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import io.gull.edge.AddressLimitConfig;

/**
 * The edge's brute-force limit per source address ({@link AddressLimitConfig}): refused CONNECTs are counted per
 * address in a window that starts at the address's first failure; once {@code maxFailures} are reached, the address's
 * CONNECTs are refused locally until the window ends. At most {@code maxTracked} addresses are remembered, in the
 * order their windows started: ended windows are dropped from the front as new failures come, and when the map is
 * full the oldest window goes, so memory is bounded whatever the number of attacking addresses (an attacker with
 * more addresses than that can make the edge forget some; the per-client-id lock-out of the sessions job still
 * holds). Thread-safe: every connection's event loop shares one.
 */
public final class AddressThrottle {
    private final AddressLimitConfig config;
    private final Clock clock;
    private final ThrottleLog log;
    private final LinkedHashMap<InetAddress, Window> windows = new LinkedHashMap<>();
    private long refusals;

    public AddressThrottle(AddressLimitConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.log = new ThrottleLog(clock);
    }

    /** Whether a CONNECT from {@code address} is refused without asking the sessions job. */
    public boolean refuses(InetAddress address) {
        if (config.disabled() || address == null) {
            return false;
        }
        InetAddress key = key(address);
        long now = clock.millis();
        int failures;
        synchronized (this) {
            Window window = windows.get(key);
            if (window == null) {
                return false;
            }
            if (window.endedAt(now, config)) {
                windows.remove(key);
                return false;
            }
            if (window.failures < config.maxFailures()) {
                return false;
            }
            refusals++;
            failures = window.failures;
        }
        log.refused(key, failures, config);
        return true;
    }

    /** The sessions job refused a CONNECT from {@code address}. */
    public void failed(InetAddress address) {
        if (config.disabled() || address == null) {
            return;
        }
        InetAddress key = key(address);
        long now = clock.millis();
        synchronized (this) {
            dropEnded(now);
            Window window = windows.get(key);
            if (window != null && !window.endedAt(now, config)) {
                window.failures = Math.min(window.failures + 1, config.maxFailures());
                return;
            }
            windows.remove(key); // re-inserted at the end: the map stays in window-start order
            windows.put(key, new Window(now));
            if (windows.size() > config.maxTracked()) {
                Iterator<Map.Entry<InetAddress, Window>> oldest = windows.entrySet().iterator();
                oldest.next();
                oldest.remove();
            }
        }
    }

    /** Addresses remembered now (at most {@code maxTracked}). */
    public synchronized int tracked() {
        return windows.size();
    }

    /** CONNECTs refused by this throttle since the edge started. */
    public synchronized long refusals() {
        return refusals;
    }

    private void dropEnded(long now) {
        Iterator<Window> front = windows.values().iterator();
        while (front.hasNext() && front.next().endedAt(now, config)) {
            front.remove();
        }
    }

    /** The address counted: IPv4 as is, IPv6 cut to its prefix (one holder usually has a whole /64). */
    InetAddress key(InetAddress address) {
        if (!(address instanceof Inet6Address) || config.ipv6PrefixBits() >= 128) {
            return address;
        }
        byte[] bytes = address.getAddress();
        int bits = config.ipv6PrefixBits();
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - 8 * i));
            bytes[i] &= (byte) (0xFF << (8 - keep));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are an IPv6 address", e);
        }
    }

    /** One address's failures since {@code start} (ms). Guarded by the throttle. */
    private static final class Window {
        final long start;
        int failures = 1;

        Window(long start) {
            this.start = start;
        }

        /** Ended, or the clock went back behind its start. */
        boolean endedAt(long now, AddressLimitConfig config) {
            return now < start || now - start >= config.window().toMillis();
        }
    }
}
