package io.coffer.server.cli;

import picocli.CommandLine.Command;

/** {@code coffer kv destroy -versions=N PATH}: permanently removes v2 versions' data. */
@Command(name = "destroy", exitCodeOnInvalidInput = 1, description = "Destroy versions of a KV v2 secret.")
final class KvDestroyCommand extends KvVersionCommand {

    @Override
    protected String verb() {
        return "destroy";
    }

    @Override
    protected String title() {
        return "Destroy";
    }
}
