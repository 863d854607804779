package io.gull.bench;

import java.lang.management.ManagementFactory;

/** CPU time of this JVM (the generator), to say how much of the shared cores the load generator itself took. */
public final class ProcessCpu {
    private ProcessCpu() {
    }

    /** Process CPU time in ns, -1 when the JVM does not tell. */
    public static long nanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** CPU used between two readings as a percentage of one core over {@code wallNanos}; -1 when unknown. */
    public static double percentOfOneCore(long cpuBefore, long cpuAfter, long wallNanos) {
        if (cpuBefore < 0 || cpuAfter < 0 || wallNanos <= 0) {
            return -1;
        }
        return Math.round(1000.0 * (cpuAfter - cpuBefore) / wallNanos) / 10.0;
    }
}
