package io.coffer.server.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer write PATH K=V...}: {@code PUT /v1/<path>} with the data as a JSON object; a 204 prints
 * {@code Success! Data written to: <path>}, a body prints as a table.
 */
@Command(name = "write", exitCodeOnInvalidInput = 1, description = "Write to any API path.")
public final class WriteCommand extends ClientCommand {

    @Option(names = {"-force", "--force", "-f"}, arity = "0..1", paramLabel = "BOOL",
            description = "Allow writing with no data.")
    private boolean force;

    @Option(names = {"-field", "--field"}, paramLabel = "NAME", description = "Print only this field.")
    private String field = "";

    @Parameters(arity = "0..*", paramLabel = "PATH K=V", description = "API path (without /v1/), then data.")
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        if (args.isEmpty()) {
            throw CommandFailure.usage("Not enough arguments (expected 1, got 0)");
        }
        if (args.size() == 1 && !force) {
            throw CommandFailure.usage("Must supply data or use -force");
        }
        String path = KvPaths.sanitize(args.get(0));
        ObjectNode data = KvPutCommand.parseData(args.subList(1, args.size()), env());
        VaultClient client = client();
        Secret secret = attempt(() -> client.send(VaultRequest.put(path, data)), "Error writing data to " + path);
        if (secret == null) {
            if (ui().isTable()) {
                ui().output("Success! Data written to: " + path);
            }
            return 0;
        }
        if (!field.isEmpty()) {
            return RawField.print(ui(), RawField.of(secret, field), field, env().console() != null);
        }
        return ui().secret(secret);
    }
}
