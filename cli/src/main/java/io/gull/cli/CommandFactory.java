package io.gull.cli;

import java.lang.reflect.Constructor;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Creates commands and mixins, handing the {@link CliEnvironment} to those whose constructor takes it. */
final class CommandFactory implements IFactory {
    private final CliEnvironment environment;
    private final IFactory fallback = CommandLine.defaultFactory();

    CommandFactory(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        try {
            Constructor<K> constructor = cls.getDeclaredConstructor(CliEnvironment.class);
            constructor.setAccessible(true);
            return constructor.newInstance(environment);
        } catch (NoSuchMethodException e) {
            return fallback.create(cls);
        }
    }
}
