package io.coffer.server.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer kv delete [-versions=1,2] PATH}: v2 soft-deletes the latest version ({@code DELETE <mount>/data/..})
 * or the listed ones ({@code PUT <mount>/delete/..}); v1 deletes the key.
 */
@Command(name = "delete", exitCodeOnInvalidInput = 1, description = "Delete a secret (v2: soft delete).")
final class KvDeleteCommand extends KvSubcommand {

    @Option(names = {"-versions", "--versions"}, paramLabel = "N,...", description = "Versions to delete (v2).")
    private List<String> versions = new ArrayList<>();

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Secret path.")
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        requireArgs(args, 1);
        Target target = resolve(args.get(0));
        String fullPath = target.fullPath("data");
        VaultRequest request = target.v2() && !versions.isEmpty()
                ? VaultRequest.put(target.fullPath("delete"), KvVersions.body(versions))
                : VaultRequest.delete(fullPath);
        attempt(() -> client().send(request), "Error deleting " + fullPath);
        ui().output("Success! Data deleted (if it existed) at: " + fullPath);
        return 0;
    }
}
