package io.coffer.server.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Picocli factory that hands a {@link CliEnvironment} to every class with a constructor taking one (the client
 * options mixin), and builds everything else as picocli's default factory would. {@code coffer} itself runs with
 * the default factory, so those classes fall back to {@link CliEnvironment#system()}; tests run
 * {@code new CommandLine(new Main(), new CliFactory(env))}.
 */
public final class CliFactory implements IFactory {

    private final CliEnvironment environment;
    private final IFactory fallback = CommandLine.defaultFactory();

    public CliFactory(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        try {
            Constructor<K> constructor = cls.getDeclaredConstructor(CliEnvironment.class);
            return constructor.newInstance(environment);
        } catch (NoSuchMethodException e) {
            return fallback.create(cls);
        }
    }
}
