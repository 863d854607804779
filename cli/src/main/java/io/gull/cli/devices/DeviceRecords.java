package io.gull.cli.devices;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import io.gull.schemas.PasswordHashing;
import io.gull.schemas.avro.DeviceRecord;

/** Builds the registry record of a device: validated id, salted password hash, never the password itself. */
public final class DeviceRecords {
    public static final String DEFAULT_TENANT = "default";

    private DeviceRecords() {
    }

    /** @throws IllegalArgumentException on a bad id, empty password or tenant */
    public static DeviceRecord create(String deviceId, String password, String tenant, Map<String, String> metadata,
            Instant now) {
        DeviceIds.validate(deviceId);
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("--password must not be empty");
        }
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("--tenant must not be empty");
        }
        return DeviceRecord.newBuilder()
                .setDeviceId(deviceId)
                .setTenant(tenant)
                .setCredential(PasswordHashing.hash(password))
                .setMetadata(new TreeMap<>(metadata))
                .setCreatedAt(now)
                .setUpdatedAt(now)
                .build();
    }
}
