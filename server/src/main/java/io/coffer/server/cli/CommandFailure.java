package io.coffer.server.cli;

/**
 * Ends a client command with an exit code and a message for standard error, as Vault's commands do with
 * {@code c.UI.Error(...); return code}. Thrown from argument checks and from {@link ClientCommand#attempt}; caught
 * only by {@link ClientCommand}. A null message means the error was already printed.
 */
final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CommandFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    /** Exit 1: wrong arguments or flags (Vault's "local error"). */
    static CommandFailure usage(String message) {
        return new CommandFailure(1, message);
    }

    /** Exit 2: the server said no or could not be reached (Vault's "remote error"). */
    static CommandFailure remote(String message) {
        return new CommandFailure(2, message);
    }
}
