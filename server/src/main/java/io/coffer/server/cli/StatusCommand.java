package io.coffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer status}: {@code GET sys/seal-status} then {@code GET sys/leader} (vault-api.md §12). Exit 0 when
 * unsealed, 2 when sealed, 1 on error (2 is taken, so client errors are 1 here, as in Vault).
 */
@Command(name = "status", exitCodeOnInvalidInput = 1,
        description = "Print the seal and HA status of the server (exit 0 unsealed, 2 sealed, 1 error).")
public final class StatusCommand extends ClientCommand {

    @Parameters(arity = "0..*", hidden = true)
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        requireArgs(args, 0);
        VaultClient client;
        try {
            client = client();
        } catch (CommandFailure e) {
            throw new CommandFailure(1, e.getMessage());
        }
        JsonNode status;
        try {
            status = client.json(VaultRequest.get("sys/seal-status"));
        } catch (ClientException e) {
            throw new CommandFailure(1, "Error checking seal status: " + e.getMessage());
        }
        int code = SealStatusOutput.print(ui(), client, status);
        return status.path("sealed").asBoolean() ? 2 : code;
    }
}
