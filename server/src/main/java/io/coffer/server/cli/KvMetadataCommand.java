package io.coffer.server.cli;

import picocli.CommandLine.Command;

/** {@code coffer kv metadata get|put|delete}: KV v2 key metadata. */
@Command(name = "metadata", exitCodeOnInvalidInput = 1, description = "KV v2 metadata: get, put, delete.",
        subcommands = {KvMetadataGetCommand.class, KvMetadataPutCommand.class, KvMetadataDeleteCommand.class})
final class KvMetadataCommand extends CommandGroup {
}
