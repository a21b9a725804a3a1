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
        requireArgs(args, 1);
        Target target = resolve(args.get(0));
        if (!target.v2()) {
            throw CommandFailure.usage("Metadata not supported on KV Version 1");
        }
        String fullPath = target.fullPath("metadata");
        attempt(() -> client().send(VaultRequest.delete(fullPath)), "Error deleting " + fullPath);
        ui().output("Success! Data deleted (if it existed) at: " + fullPath);
        return 0;
    }
}
