package io.coffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer kv put PATH K=V...}: after the preflight, v2 sends {@code PUT <mount>/data/<path>}
 * {@code {"data":{...},"options":{}}} ({@code -cas=N} adds {@code options.cas}) and prints the new version's
 * metadata; v1 sends the data object itself to {@code PUT <path>}.
 */
@Command(name = "put", exitCodeOnInvalidInput = 1, description = "Write a secret (replacing the current data).")
final class KvPutCommand extends KvSubcommand {

    @Option(names = {"-cas", "--cas"}, paramLabel = "N",
            description = "Check-and-set: write only if the current version is N (0: only if absent).")
    private int cas = -1;

    @Option(names = {"-field", "--field"}, paramLabel = "NAME", description = "Print only this field.")
    private String field = "";

    @Parameters(arity = "0..*", paramLabel = "PATH K=V", description = "Secret path, then data (k=v, k=@file, -).")
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        if (args.isEmpty()) {
            throw CommandFailure.usage("Not enough arguments (expected >1, got 0)");
        }
        if (args.size() == 1) {
            throw CommandFailure.usage("Must supply data");
        }
        ObjectNode data = parseData(args.subList(1, args.size()), env());
        Target target = resolve(args.get(0));
        String fullPath = target.fullPath("data");
        JsonNode body = data;
        if (target.v2()) {
            ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
            wrapped.set("data", data);
            ObjectNode options = wrapped.putObject("options");
            if (cas > -1) {
                options.put("cas", cas);
            }
            body = wrapped;
        }
        JsonNode request = body;
        Secret secret = attempt(() -> client().send(VaultRequest.put(fullPath, request)),
                "Error writing data to " + fullPath);
        return printWritten(this, secret, fullPath, field);
    }

    /** The CLI's K=V parsing, failing with exit 1 and {@code Failed to parse K=V data: ...}. */
    static ObjectNode parseData(List<String> args, CliEnvironment env) {
        try {
            return KvData.parse(args, env.stdin());
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage("Failed to parse K=V data: " + e.getMessage());
        }
    }

    /** What {@code kv put} and {@code kv patch} print after a successful write. */
    static int printWritten(ClientCommand command, Secret secret, String fullPath, String field) {
        Ui ui = command.ui();
        if (secret == null) {
            if (ui.isTable()) {
                ui.output("Success! Data written to: " + fullPath);
            }
            return 0;
        }
        if (!field.isEmpty()) {
            return RawField.print(ui, RawField.of(secret, field), field, command.env().console() != null);
        }
        if (ui.isTable()) {
            ui.path(fullPath, "Secret Path");
            ui.output(Ui.headerForMap("Metadata", secret.data()));
            return ui.map(secret.data());
        }
        return ui.secret(secret);
    }
}
