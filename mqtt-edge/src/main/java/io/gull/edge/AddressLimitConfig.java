package io.gull.edge;

import java.time.Duration;

/**
 * Brute-force protection per source address, local to one edge (edges share no state): an address whose CONNECTs the
 * sessions job refused {@code maxFailures} times within {@code window} gets CONNACK 0x9F (5.0) / 0x05 (3.1.1) for its
 * CONNECTs until that window ends, without the edge asking the job. Behind N edges an address gets up to N times the
 * limit, unless the load balancer sends each source address to one edge (source affinity).
 *
 * @param maxFailures    refused CONNECTs (bad password, unknown device, locked-out client id, not authorized) of one
 *                       address within the window before it is refused locally ({@code auth.address.max-failures},
 *                       default 20; 0 = off)
 * @param window         the counting window, which starts at an address's first failure; the address is refused until
 *                       it ends ({@code auth.address.window-ms}, default 60 s)
 * @param maxTracked     addresses remembered at most; beyond it the oldest windows are forgotten first, so memory
 *                       stays bounded (about 150 bytes each) under an attack from many addresses
 *                       ({@code auth.address.max-tracked}, default 10,000)
 * @param ipv6PrefixBits IPv6 addresses are counted per prefix of this length, as one holder usually has a whole /64
 *                       ({@code auth.address.ipv6-prefix}, default 64; 128 = per address)
 */
public record AddressLimitConfig(int maxFailures, Duration window, int maxTracked, int ipv6PrefixBits) {

    public static final AddressLimitConfig DEFAULTS = new AddressLimitConfig(20, Duration.ofMinutes(1), 10_000, 64);

    public AddressLimitConfig {
        if (maxFailures < 0 || maxFailures > 1_000_000) {
            throw new IllegalArgumentException("auth.address.max-failures must be between 0 and 1000000, got "
                    + maxFailures);
        }
        if (window == null || window.toMillis() < 1) {
            throw new IllegalArgumentException("auth.address.window-ms must be a positive number of milliseconds, got "
                    + window);
        }
        if (maxTracked < 1 || maxTracked > 10_000_000) {
            throw new IllegalArgumentException("auth.address.max-tracked must be between 1 and 10000000, got "
                    + maxTracked);
        }
        if (ipv6PrefixBits < 1 || ipv6PrefixBits > 128) {
            throw new IllegalArgumentException("auth.address.ipv6-prefix must be between 1 and 128, got "
                    + ipv6PrefixBits);
        }
    }

    /** Switched off: no address is ever refused. */
    public boolean disabled() {
        return maxFailures == 0;
    }
}
