package io.gull.cli.devices;

/**
 * Device ids are MQTT client ids: 1-128 characters, no topic wildcards or separators ({@code + # /}), no whitespace
 * and no control characters.
 */
public final class DeviceIds {
    public static final int MAX_LENGTH = 128;

    private DeviceIds() {
    }

    /**
     * @return the id, unchanged
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static String validate(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("device id must not be empty");
        }
        int length = id.codePointCount(0, id.length());
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "device id must be at most " + MAX_LENGTH + " characters, got " + length);
        }
        for (int i = 0; i < id.length(); ) {
            int cp = id.codePointAt(i);
            if (cp == '+' || cp == '#' || cp == '/') {
                throw new IllegalArgumentException(
                        "device id must not contain '" + Character.toString(cp) + "' (MQTT wildcard/separator): " + id);
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) {
                throw new IllegalArgumentException("device id must not contain whitespace or control characters: '"
                        + id.replaceAll("\\p{Cntrl}", "?") + "'");
            }
            i += Character.charCount(cp);
        }
        return id;
    }
}
