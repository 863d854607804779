package io.gull.devstack;

/** A stand-in server for process tests: prints a line and sleeps; with {@code ignore-term} it also ignores SIGTERM. */
public final class SleepyMain {

    private SleepyMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("ignore-term")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        System.out.println("sleepy started");
        Thread.sleep(Long.MAX_VALUE);
    }
}
