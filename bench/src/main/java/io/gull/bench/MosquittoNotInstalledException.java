package io.gull.bench;

/** No {@code mosquitto} executable: the baseline cannot run. BenchMain exits 2. */
public final class MosquittoNotInstalledException extends RuntimeException {
    public MosquittoNotInstalledException() {
        super("mosquitto is not installed (no 'mosquitto' on PATH, /usr/sbin or /usr/local/sbin): the baseline needs it. "
                + "Install it with: apt-get install mosquitto");
    }
}
