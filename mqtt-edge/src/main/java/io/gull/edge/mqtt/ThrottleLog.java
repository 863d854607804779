package io.gull.edge.mqtt;

import java.net.InetAddress;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gull.edge.AddressLimitConfig;

/**
 * Logs CONNECTs refused per source address at most once per {@link #INTERVAL_MILLIS}, with how many were refused since
 * the last line: an attack writes a line a minute, not a line per attempt. Thread-safe.
 */
final class ThrottleLog {
    static final long INTERVAL_MILLIS = 60_000;
    private static final Logger log = LoggerFactory.getLogger(ThrottleLog.class);
    private static final long NEVER = Long.MIN_VALUE;

    private final Clock clock;
    private final AtomicLong lastLineAt = new AtomicLong(NEVER);
    private final AtomicLong refusedSinceLine = new AtomicLong();

    ThrottleLog(Clock clock) {
        this.clock = clock;
    }

    void refused(InetAddress address, int failures, AddressLimitConfig config) {
        long refused = refusedSinceLine.incrementAndGet();
        long now = clock.millis();
        long last = lastLineAt.get();
        if ((last == NEVER || now - last >= INTERVAL_MILLIS) && lastLineAt.compareAndSet(last, now)) {
            refusedSinceLine.addAndGet(-refused);
            log.warn("Refusing CONNECTs from {} (CONNACK 0x9F / 0x05) without asking the sessions job: {} refused "
                    + "authentications within {} ms (brute force?). {} CONNECTs refused this way since the last such "
                    + "line; at most one line a minute. Limit: --auth.address.max-failures, --auth.address.window-ms.",
                    address.getHostAddress(), failures, config.window().toMillis(), refused);
        }
    }
}
