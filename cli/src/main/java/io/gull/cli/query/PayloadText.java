package io.gull.cli.query;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Shows a payload as its UTF-8 text when it is valid, printable UTF-8 (tab, CR and LF allowed), else as
 * {@code base64:<standard base64>}. Text that itself starts with {@code base64:} is shown encoded, so the two
 * forms never mix up.
 */
public final class PayloadText {
    public static final String BASE64_PREFIX = "base64:";

    private PayloadText() {
    }

    public static String render(ByteBuffer payload) {
        if (payload == null) {
            return null;
        }
        ByteBuffer bytes = payload.duplicate();
        String text = printableUtf8(bytes.duplicate());
        if (text != null && !text.startsWith(BASE64_PREFIX)) {
            return text;
        }
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);
        return BASE64_PREFIX + Base64.getEncoder().encodeToString(raw);
    }

    public static String render(byte[] payload) {
        return payload == null ? null : render(ByteBuffer.wrap(payload));
    }

    private static String printableUtf8(ByteBuffer bytes) {
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
        } catch (CharacterCodingException e) {
            return null;
        }
        String text = chars.toString();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean allowedControl = cp == '\t' || cp == '\n' || cp == '\r';
            if (!allowedControl && (Character.isISOControl(cp) || !Character.isDefined(cp)
                    || Character.getType(cp) == Character.FORMAT && cp != 0x200D)) {
                return null;
            }
            i += Character.charCount(cp);
        }
        return text;
    }
}
