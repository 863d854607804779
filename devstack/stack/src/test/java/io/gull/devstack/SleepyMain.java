package io.gull.devstack;

/**
 * A stand-in server for process tests: prints a line and sleeps; with {@code ignore-term} it also ignores SIGTERM;
 * with {@code fail} it prints a reason and exits 1, as a server does when its port is taken.
 */
public final class SleepyMain {

    private SleepyMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("fail")) {
            System.out.println("sleepy: port 1234 is already in use");
            System.exit(1);
        }
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
