package io.coffer.server.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coffer secrets disable PATH}: {@code DELETE sys/mounts/<path>}, deleting all data under it. */
@Command(name = "disable", exitCodeOnInvalidInput = 1, description = "Disable the secrets engine at PATH.")
final class SecretsDisableCommand extends ClientCommand {

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Mount path, e.g. secret/.")
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        requireArgs(args, 1);
        String mount = KvPaths.ensureTrailingSlash(KvPaths.sanitize(args.get(0)));
        VaultClient client = client();
        attempt(() -> client.send(VaultRequest.delete("sys/mounts/" + mount)),
                "Error disabling secrets engine at " + mount);
        ui().output("Success! Disabled the secrets engine (if it existed) at: " + mount);
        return 0;
    }
}
