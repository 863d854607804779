package io.gull.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A {@link ServiceLauncher} whose names, build outputs and timeouts are those of the {@link JavaServer} it holds. */
interface JavaServiceLauncher extends ServiceLauncher {

    JavaServer server();

    @Override
    default String name() {
        return server().name();
    }

    @Override
    default String displayName() {
        return server().displayName();
    }

    @Override
    default List<Path> artifacts() {
        return server().artifacts();
    }

    @Override
    default Duration startTimeout() {
        return server().startTimeout();
    }

    @Override
    default Duration stopGrace() {
        return server().stopGrace();
    }
}
