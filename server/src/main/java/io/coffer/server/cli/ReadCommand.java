package io.coffer.server.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer read PATH [K=V...]}: {@code GET /v1/<path>} (K=V become query parameters); a 404 without data is
 * {@code No value found at <path>}, exit 2.
 */
@Command(name = "read", exitCodeOnInvalidInput = 1, description = "Read any API path.")
public final class ReadCommand extends ClientCommand {

    @Option(names = {"-field", "--field"}, paramLabel = "NAME", description = "Print only this field.")
    private String field = "";

    @Parameters(arity = "0..*", paramLabel = "PATH K=V", description = "API path (without /v1/), then parameters.")
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        if (args.isEmpty()) {
            throw CommandFailure.usage("Not enough arguments (expected 1, got 0)");
        }
        String path = KvPaths.sanitize(args.get(0));
        Map<String, String> query = queryParameters(args.subList(1, args.size()), env());
        VaultClient client = client();
        Secret secret = attempt(() -> client.read(path, query), "Error reading " + path);
        if (secret == null) {
            throw CommandFailure.remote("No value found at " + path);
        }
        if (!field.isEmpty()) {
            return RawField.print(ui(), RawField.of(secret, field), field, env().console() != null);
        }
        return ui().secret(secret);
    }

    /** K=V arguments as query parameters (a repeated key keeps its last value). */
    static Map<String, String> queryParameters(List<String> args, CliEnvironment env) {
        ObjectNode data = KvPutCommand.parseData(args, env);
        Map<String, String> query = new LinkedHashMap<>();
        data.fields().forEachRemaining(e -> query.put(e.getKey(), e.getValue().isArray()
                ? e.getValue().get(e.getValue().size() - 1).asText() : e.getValue().asText()));
        return query;
    }
}
