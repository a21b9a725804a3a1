package io.coffer.server.cli;

import picocli.CommandLine.Command;

/** {@code coffer kv undelete -versions=N PATH}: restores soft-deleted v2 versions. */
@Command(name = "undelete", exitCodeOnInvalidInput = 1, description = "Undelete versions of a KV v2 secret.")
final class KvUndeleteCommand extends KvVersionCommand {

    @Override
    protected String verb() {
        return "undelete";
    }

    @Override
    protected String title() {
        return "Undelete";
    }
}
