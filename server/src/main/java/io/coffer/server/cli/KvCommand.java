package io.coffer.server.cli;

import picocli.CommandLine.Command;

/** {@code coffer kv ...}: the key/value secrets engine, KV v1 and v2 alike (the preflight tells them apart). */
@Command(name = "kv", exitCodeOnInvalidInput = 1,
        description = "Key/value secrets: put, get, patch, delete, undelete, destroy, list, metadata.",
        subcommands = {KvPutCommand.class, KvGetCommand.class, KvPatchCommand.class, KvDeleteCommand.class,
            KvUndeleteCommand.class, KvDestroyCommand.class, KvListCommand.class, KvMetadataCommand.class})
public final class KvCommand extends CommandGroup {
}
