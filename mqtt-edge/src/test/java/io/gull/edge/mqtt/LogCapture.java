package io.gull.edge.mqtt;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** Collects the messages one class logs at WARN or above, for tests of "logged once". */
final class LogCapture extends AbstractAppender implements AutoCloseable {
    private final Logger logger;
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    LogCapture(Class<?> source) {
        super("capture-" + source.getSimpleName(), null, null, true, Property.EMPTY_ARRAY);
        this.logger = (Logger) LogManager.getLogger(source);
        start();
        logger.addAppender(this);
    }

    @Override
    public void append(LogEvent event) {
        if (event.getLevel().isMoreSpecificThan(Level.WARN)) {
            warnings.add(event.getMessage().getFormattedMessage());
        }
    }

    List<String> warnings() {
        return warnings;
    }

    @Override
    public void close() {
        logger.removeAppender(this);
        stop();
    }
}
