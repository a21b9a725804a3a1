package io.coffer.server.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coffer kv metadata delete PATH}: {@code DELETE <mount>/metadata/<path>}, every version and the metadata. */
@Command(name = "delete", exitCodeOnInvalidInput = 1, description = "Delete a KV v2 secret and all its versions.")
final class KvMetadataDeleteCommand extends KvSubcommand {

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Secret path.")
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        String fullPath = metadataPath(args);
        attempt(() -> client().send(VaultRequest.delete(fullPath)), "Error deleting " + fullPath);
        ui().output("Success! Data deleted (if it existed) at: " + fullPath);
        return 0;
    }
}
