package io.coffer.server.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coffer operator seal}: {@code PUT sys/seal} (needs sudo on {@code sys/seal} or root). */
@Command(name = "seal", exitCodeOnInvalidInput = 1, description = "Seal this server.")
final class OperatorSealCommand extends ClientCommand {

    @Parameters(arity = "0..*", hidden = true)
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        requireArgs(args, 0);
        VaultClient client = client();
        attempt(() -> client.execute(VaultRequest.put("sys/seal", null)), "Error sealing");
        ui().output("Success! Vault is sealed.");
        return 0;
    }
}
