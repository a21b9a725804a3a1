package io.coffer.server.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coffer delete PATH [K=V...]}: {@code DELETE /v1/<path>} (K=V become query parameters). */
@Command(name = "delete", exitCodeOnInvalidInput = 1, description = "Delete at any API path.")
public final class DeleteCommand extends ClientCommand {

    @Parameters(arity = "0..*", paramLabel = "PATH K=V", description = "API path (without /v1/), then parameters.")
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        if (args.isEmpty()) {
            throw CommandFailure.usage("Not enough arguments (expected 1, got 0)");
        }
        String path = KvPaths.sanitize(args.get(0));
        Map<String, String> query = ReadCommand.queryParameters(args.subList(1, args.size()), env());
        VaultClient client = client();
        Secret secret = attempt(() -> client.send(VaultRequest.delete(path).withQuery(query)),
                "Error deleting " + path);
        if (secret == null) {
            if (ui().isTable()) {
                ui().output("Success! Data deleted (if it existed) at: " + path);
            }
            return 0;
        }
        return ui().secret(secret);
    }
}
