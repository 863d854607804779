package io.gull.edge.mqtt;

/**
 * The {@link IngressSink} will never store this PUBLISH, however often the client resends it (e.g. the
 * record exceeds Kafka's {@code max.request.size}). Any other failure of a send means "not stored this
 * time": the client should resend.
 */
public final class IngressRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean tooLarge;

    public IngressRejectedException(boolean tooLarge, Throwable cause) {
        super(String.valueOf(cause), cause);
        this.tooLarge = tooLarge;
    }

    /** True when the record was refused for its size. */
    public boolean tooLarge() {
        return tooLarge;
    }
}
