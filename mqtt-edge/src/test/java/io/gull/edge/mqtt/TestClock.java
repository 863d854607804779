package io.gull.edge.mqtt;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves by hand; nothing sleeps. */
final class TestClock extends Clock {
    private final AtomicLong millis;

    TestClock(long startMillis) {
        this.millis = new AtomicLong(startMillis);
    }

    void advance(long byMillis) {
        millis.addAndGet(byMillis);
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
