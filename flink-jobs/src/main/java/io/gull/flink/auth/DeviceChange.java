package io.gull.flink.auth;

import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

import io.gull.schemas.avro.DeviceRecord;

/**
 * A change of the device registry: a device registered or updated ({@code device} set), or deleted
 * ({@code device} null, from a tombstone).
 */
public record DeviceChange(String deviceId, DeviceRecord device) {

    public static final TypeInformation<DeviceChange> TYPE = Types.POJO(DeviceChange.class, Map.of(
            "deviceId", Types.STRING,
            "device", AuthTypes.DEVICE_RECORD));

    public static DeviceChange registered(DeviceRecord device) {
        return new DeviceChange(device.getDeviceId(), device);
    }

    public static DeviceChange deleted(String deviceId) {
        return new DeviceChange(deviceId, null);
    }

    public boolean isDeletion() {
        return device == null;
    }
}
