package io.coffer.server.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coffer operator step-down}: {@code PUT sys/step-down}; the active node gives up leadership. */
@Command(name = "step-down", exitCodeOnInvalidInput = 1, description = "Make the active node step down.")
final class OperatorStepDownCommand extends ClientCommand {

    @Parameters(arity = "0..*", hidden = true)
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        requireArgs(args, 0);
        VaultClient client = client();
        attempt(() -> client.execute(VaultRequest.put("sys/step-down", null)), "Error stepping down");
        ui().output("Success! Stepped down: " + client.address());
        return 0;
    }
}
