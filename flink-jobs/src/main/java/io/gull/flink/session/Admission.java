package io.gull.flink.session;

import io.gull.flink.auth.CredentialCheck;
import io.gull.schemas.avro.AuthOutcome;
import io.gull.schemas.avro.AuthRequest;
import io.gull.schemas.avro.DeviceRecord;

/**
 * Who may open a session: a registered device with its password (tenant = the device's), or an anonymous client
 * (the edge lets them in and marks the request {@code anonymous}) whose client id is not a registered device
 * (tenant {@value #ANONYMOUS_TENANT}). Anonymous requests are judged at once against the registry as it is: one for
 * a client id registered but not yet read in (job start with an empty registry) is allowed as anonymous; its session
 * is of another tenant and is not resumed by the device's next connect, which takes the client id over.
 */
public final class Admission {
    public static final String ANONYMOUS_TENANT = "$anonymous";

    private Admission() {
    }

    /** The verdict on {@code request} given the device registered under its client id ({@code null}: none). */
    public static Verdict judge(DeviceRecord device, AuthRequest request) {
        if (request.getAnonymous()) {
            return device == null ? Verdict.allowed(ANONYMOUS_TENANT) : Verdict.refused(AuthOutcome.BAD_CREDENTIALS);
        }
        if (device == null) {
            return Verdict.UNKNOWN;
        }
        AuthOutcome outcome = CredentialCheck.check(device, request);
        return outcome == AuthOutcome.ALLOWED ? Verdict.allowed(device.getTenant()) : Verdict.refused(outcome);
    }

    /**
     * @param outcome ALLOWED (with {@code tenant}), a refusal, or null: the device is unknown (wait for it)
     */
    public record Verdict(AuthOutcome outcome, String tenant) {
        static final Verdict UNKNOWN = new Verdict(null, null);

        static Verdict allowed(String tenant) {
            return new Verdict(AuthOutcome.ALLOWED, tenant);
        }

        static Verdict refused(AuthOutcome outcome) {
            return new Verdict(outcome, null);
        }

        public boolean allowed() {
            return outcome == AuthOutcome.ALLOWED;
        }

        public boolean unknownDevice() {
            return outcome == null;
        }
    }
}
