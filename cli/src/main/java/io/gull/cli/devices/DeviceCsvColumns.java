package io.gull.cli.devices;

import java.util.List;

/**
 * The columns of the devices CSV that {@code devices export} writes and {@code devices import} reads. Metadata
 * entries are one column each, {@code meta.<key>}; an empty cell is no entry.
 */
final class DeviceCsvColumns {
    static final String DEVICE_ID = "device_id";
    static final String PASSWORD = "password";
    static final String PASSWORD_HASH = "password_hash";
    static final String TENANT = "tenant";
    static final String CREATED_AT = "created_at";
    static final String UPDATED_AT = "updated_at";
    static final String META_PREFIX = "meta.";

    /** Every column name but the metadata ones, in the order export writes them (it writes no password). */
    static final List<String> NAMED = List.of(DEVICE_ID, TENANT, PASSWORD, PASSWORD_HASH, CREATED_AT, UPDATED_AT);

    private DeviceCsvColumns() {
    }

    /** How a message lists the accepted columns. */
    static String accepted() {
        return String.join(", ", NAMED) + ", " + META_PREFIX + "<key>";
    }
}
