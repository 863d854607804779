package io.gull.cli.devices;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.gull.schemas.avro.DeviceRecord;
import io.gull.schemas.avro.PasswordCredential;

/**
 * A valid device row of an import file. It holds either the password, hashed when the record is made, or a stored
 * credential ({@code password_hash}), kept as it is.
 *
 * @param line       the row's line in the file
 * @param password   the plain password, when the row gives one
 * @param credential the stored credential, when the row gives one instead
 * @param createdAt  when given; else the import's start
 * @param updatedAt  when given; else the import's start
 */
record ImportRow(int line, String deviceId, Optional<String> password, Optional<PasswordCredential> credential,
        String tenant, Map<String, String> metadata, Optional<Instant> createdAt, Optional<Instant> updatedAt) {

    ImportRow {
        if (password.isPresent() == credential.isPresent()) {
            throw new IllegalArgumentException("a row has either a password or a stored credential");
        }
        metadata = Map.copyOf(metadata);
    }

    /** The registry record; hashes the password (the slow part: about 5 ms of CPU). */
    DeviceRecord toRecord(Instant now) {
        return DeviceRecord.newBuilder()
                .setDeviceId(deviceId)
                .setTenant(tenant)
                .setCredential(credential.orElseGet(() -> PasswordHasher.hash(password.orElseThrow())))
                .setMetadata(new TreeMap<>(metadata))
                .setCreatedAt(createdAt.orElse(now))
                .setUpdatedAt(updatedAt.orElse(now))
                .build();
    }
}
