package io.coffer.server.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coffer policy delete NAME}: {@code DELETE sys/policies/acl/<name>}. */
@Command(name = "delete", exitCodeOnInvalidInput = 1, description = "Delete an ACL policy.")
final class PolicyDeleteCommand extends ClientCommand {

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Policy name.")
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        requireArgs(args, 1);
        String name = args.get(0).trim().toLowerCase(Locale.ROOT);
        VaultClient client = client();
        attempt(() -> client.send(VaultRequest.delete("sys/policies/acl/" + name)), "Error deleting " + name);
        ui().output("Success! Deleted policy: " + name);
        return 0;
    }
}
