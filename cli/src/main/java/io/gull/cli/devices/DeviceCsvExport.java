package io.gull.cli.devices;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import io.gull.cli.output.ResultTable;
import io.gull.schemas.avro.DeviceRecord;

/**
 * The registry as {@code devices import} reads it back: {@code device_id, tenant, password_hash, created_at,
 * updated_at}, then one {@code meta.<key>} column per metadata key any device has, sorted. The stored salted hash
 * travels, never a password, so an export imported again leaves every device's password as it was.
 */
final class DeviceCsvExport {
    private DeviceCsvExport() {
    }

    static ResultTable table(Iterable<DeviceRecord> devices) {
        SortedSet<String> keys = new TreeSet<>();
        for (DeviceRecord device : devices) {
            keys.addAll(device.getMetadata().keySet());
        }
        List<String> columns = new ArrayList<>(List.of(DeviceCsvColumns.DEVICE_ID, DeviceCsvColumns.TENANT,
                DeviceCsvColumns.PASSWORD_HASH, DeviceCsvColumns.CREATED_AT, DeviceCsvColumns.UPDATED_AT));
        keys.forEach(key -> columns.add(DeviceCsvColumns.META_PREFIX + key));
        List<List<Object>> rows = new ArrayList<>();
        for (DeviceRecord device : devices) {
            List<Object> row = new ArrayList<>(List.of(device.getDeviceId(), device.getTenant(),
                    StoredCredentials.format(device.getCredential()), String.valueOf(device.getCreatedAt()),
                    String.valueOf(device.getUpdatedAt())));
            Map<String, String> metadata = device.getMetadata();
            for (String key : keys) {
                row.add(metadata.get(key));
            }
            rows.add(row);
        }
        return new ResultTable(columns, rows);
    }
}
