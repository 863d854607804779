package io.gull.cli.devices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.gull.cli.CliException;
import io.gull.cli.connect.KafkaBatchWriter;
import io.gull.cli.output.ProgressReport;
import io.gull.schemas.Codecs;
import io.gull.schemas.avro.DeviceRecord;

/**
 * Writes the rows of an import to the registry: hashes the passwords on every core and hands each record to one
 * batching producer as soon as it is hashed, then waits until Kafka acknowledged (or refused) every one. After the
 * first failure the rows not yet hashed are not written, and those in flight get {@link #GRACE} to be acknowledged
 * (all counted as failed otherwise): Kafka is likely down, and re-running the import is safe since each row replaces
 * its device.
 */
final class DeviceImporter {
    static final String NOT_SENT = "not sent after an earlier failure";
    private static final Duration POLL = Duration.ofMillis(100);
    /** How long records in flight may still be acknowledged after a failure before the import gives up on them. */
    static final Duration GRACE = Duration.ofSeconds(10);

    private final KafkaBatchWriter writer;
    private final int threads;
    private final Clock clock;

    DeviceImporter(KafkaBatchWriter writer, int threads, Clock clock) {
        this.writer = writer;
        this.threads = threads;
        this.clock = clock;
    }

    /** Imports every row, reporting progress while it runs; returns the final counts. */
    ImportTally.Counts run(List<ImportRow> rows, Instant now, ProgressReport progress) {
        ImportTally tally = new ImportTally(rows.size());
        ExecutorService hashing = Executors.newFixedThreadPool(threads, daemonThreads());
        Instant started = clock.instant();
        try {
            for (ImportRow row : rows) {
                hashing.execute(() -> write(row, now, tally));
            }
            hashing.shutdown();
            Instant shown = started;
            Instant failureSeen = null;
            boolean abandoned = false;
            while (!tally.await(POLL)) {
                Instant at = clock.instant();
                if (!at.isBefore(shown.plus(progress.interval()))) {
                    ImportTally.Counts counts = tally.counts();
                    progress.show(counts.imported(), counts.failed(), counts.total(), since(started));
                    shown = at;
                }
                if (tally.anyFailed() && failureSeen == null) {
                    failureSeen = at;
                } else if (failureSeen != null && !abandoned && !at.isBefore(failureSeen.plus(GRACE))) {
                    writer.abandon();
                    abandoned = true;
                }
            }
            ImportTally.Counts counts = tally.counts();
            progress.finish(counts.imported(), counts.failed(), counts.total(), since(started));
            return counts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted; the devices acknowledged so far are imported, re-run the import "
                    + "for the rest (each row replaces its device)", e);
        } finally {
            hashing.shutdownNow();
        }
    }

    private void write(ImportRow row, Instant now, ImportTally tally) {
        if (tally.anyFailed()) {
            tally.failed(row.deviceId(), NOT_SENT);
            return;
        }
        byte[] value;
        try {
            DeviceRecord device = row.toRecord(now);
            value = Codecs.DEVICE_RECORD.encode(device);
        } catch (RuntimeException e) {
            tally.failed(row.deviceId(), "line " + row.line() + ": " + e);
            return;
        }
        writer.send(row.deviceId(), value, error -> {
            if (error == null) {
                tally.imported();
            } else {
                tally.failed(row.deviceId(), writer.describe(error));
            }
        });
    }

    private Duration since(Instant started) {
        return Duration.between(started, clock.instant());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "gull-import-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
