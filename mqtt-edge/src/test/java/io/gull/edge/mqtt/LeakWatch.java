package io.gull.edge.mqtt;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;

/**
 * Netty's leak detection at its paranoid level (every buffer tracked) while the fuzz properties run, with the edge's
 * own logging turned down to warnings (thousands of connections would log at debug otherwise). A leak Netty reports
 * fails the container; reports come when a leaked buffer is collected, so {@link #stopAndCheck} collects first.
 */
final class LeakWatch {
    private static ResourceLeakDetector.Level previousLevel;
    private static Level previousLogLevel;
    private static LogCapture leaks;

    private LeakWatch() {
    }

    static void start() {
        previousLevel = ResourceLeakDetector.getLevel();
        previousLogLevel = LogManager.getLogger("io.gull").getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        Configurator.setLevel("io.gull", Level.WARN);
        leaks = new LogCapture(ResourceLeakDetector.class);
    }

    static void stopAndCheck() {
        try {
            for (int i = 0; i < 3; i++) {
                System.gc();
                // a detector reports the leaks it found when it tracks the next buffer
                ByteBufAllocator.DEFAULT.buffer(1).release();
                ByteBufAllocator.DEFAULT.directBuffer(1).release();
            }
            if (!leaks.warnings().isEmpty()) {
                throw new AssertionError("Netty reported leaked buffers: " + leaks.warnings());
            }
        } finally {
            leaks.close();
            ResourceLeakDetector.setLevel(previousLevel);
            Configurator.setLevel("io.gull", previousLogLevel);
        }
    }
}
