package io.coffer.server.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every {@code coffer} client command: the general options mixin, the {@link Ui}, a lazily built
 * {@link VaultClient}, and Vault's exit-code convention (0 success, 1 local error such as wrong arguments, 2 remote
 * error, with per-command exceptions such as {@code status} returning 2 when sealed).
 *
 * <p>Subclasses implement {@link #execute()}, check their arguments before calling {@link #client()} (as Vault
 * does, so argument errors never need a server), and wrap API calls in {@link #attempt} with the CLI's wording.
 */
abstract class ClientCommand implements Callable<Integer> {

    @Mixin
    private ClientOptions options;

    @Spec
    private CommandSpec spec;

    private Ui ui;
    private VaultClient client;

    /** An API call that may fail. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws ClientException;
    }

    @Override
    public final Integer call() {
        ui = new Ui(spec.commandLine().getOut(), spec.commandLine().getErr(), options.format());
        try {
            return execute();
        } catch (CommandFailure failure) {
            if (failure.getMessage() != null) {
                ui.error(failure.getMessage());
            }
            return failure.exitCode();
        }
    }

    /** The command's work; returns the exit code or throws {@link CommandFailure}. */
    protected abstract int execute();

    protected final Ui ui() {
        return ui;
    }

    protected final CliEnvironment env() {
        return options.env();
    }

    /** The client, built on first use; an unusable address or TLS setting fails with exit 2. */
    protected final VaultClient client() {
        if (client == null) {
            try {
                client = options.client();
            } catch (ClientException e) {
                throw CommandFailure.remote(e.getMessage());
            }
        }
        return client;
    }

    /**
     * Runs {@code call}; a failure prints {@code "<prefix>: <error>"} (then any response the error carried, as the
     * CLI does for a 404 with warnings) and ends the command with exit 2.
     */
    protected final <T> T attempt(Call<T> call, String prefix) {
        try {
            return call.run();
        } catch (ClientException e) {
            ui.error(prefix.isEmpty() ? e.getMessage() : prefix + ": " + e.getMessage());
            if (e.secret() != null) {
                ui.secret(e.secret());
            }
            throw new CommandFailure(2, null);
        }
    }

    /** Vault's argument-count messages for a command taking exactly {@code expected} arguments. */
    protected static void requireArgs(List<String> args, int expected) {
        if (args.size() < expected) {
            throw CommandFailure.usage("Not enough arguments (expected " + expected + ", got " + args.size() + ")");
        }
        if (args.size() > expected) {
            throw CommandFailure.usage("Too many arguments (expected " + expected + ", got " + args.size() + ")");
        }
    }
}
