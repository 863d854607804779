package io.gull.cli.stack;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.gull.devstack.ServiceStatus;

/**
 * While {@code gull up} runs in the foreground, reports once when a service that was running stops (e.g. killed),
 * and once when it runs again.
 */
final class StackWatcher {
    private final Supplier<List<ServiceStatus>> status;
    private final PrintWriter err;
    private final Set<String> down = new HashSet<>();

    StackWatcher(Supplier<List<ServiceStatus>> status, PrintWriter err) {
        this.status = status;
        this.err = err;
    }

    private static String remark(String detail) {
        boolean useless = detail == null || detail.isBlank() || detail.strip().equalsIgnoreCase("not running");
        return useless ? "" : " (" + detail.strip() + ")";
    }

    /** One check; call it periodically. */
    void check() {
        for (ServiceStatus service : status.get()) {
            if (!service.running() && down.add(service.name())) {
                err.printf("warning: %s is not running any more%s; start it again with ./gull start %s%n",
                        service.name(), remark(service.detail()), service.name());
                err.flush();
            } else if (service.running() && down.remove(service.name())) {
                err.printf("%s is running again%n", service.name());
                err.flush();
            }
        }
    }
}
