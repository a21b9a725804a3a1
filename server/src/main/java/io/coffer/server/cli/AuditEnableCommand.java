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
 * {@code coffer audit enable [-path=P] TYPE K=V...}: {@code PUT sys/audit/<path>}
 * {@code {"type","description","options":{...},"local"}}, e.g. {@code audit enable file file_path=/var/log/a.log}.
 */
@Command(name = "enable", exitCodeOnInvalidInput = 1, description = "Enable an audit device, e.g. file.")
final class AuditEnableCommand extends ClientCommand {

    @Option(names = {"-path", "--path"}, paramLabel = "PATH", description = "Device path (default: the type).")
    private String path = "";

    @Option(names = {"-description", "--description"}, paramLabel = "TEXT", description = "Human description.")
    private String description = "";

    @Option(names = {"-local", "--local"}, arity = "0..1", paramLabel = "BOOL", description = "Do not replicate.")
    private boolean local;

    @Parameters(arity = "0..*", paramLabel = "TYPE K=V", description = "Device type, then its options.")
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        if (args.isEmpty()) {
            throw CommandFailure.usage("Error enabling audit device: audit type missing. Valid types include 'file', "
                    + "'socket' and 'syslog'.");
        }
        String type = args.get(0).trim();
        String devicePath = KvPaths.ensureTrailingSlash(path.isEmpty() ? type : path);
        ObjectNode data = KvPutCommand.parseData(args.subList(1, args.size()), env());
        ObjectNode options = JsonNodeFactory.instance.objectNode();
        data.fields().forEachRemaining(e -> options.put(e.getKey(), text(e.getValue())));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("type", type).put("description", description);
        body.set("options", options);
        body.put("local", local);
        VaultClient client = client();
        attempt(() -> client.send(VaultRequest.put("sys/audit/" + devicePath, body)), "Error enabling audit device");
        ui().output("Success! Enabled the " + type + " audit device at: " + devicePath);
        return 0;
    }

    /** {@code parseArgsDataString}: every option value as a string. */
    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }
}
