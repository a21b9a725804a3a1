package io.coffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer kv patch PATH K=V...} (KV v2 only): {@code PATCH <mount>/data/<path>} as a JSON merge patch; without
 * {@code -method}, a 403 (no {@code patch} capability) or 405 (old server) falls back to read-then-write with
 * {@code cas} set to the version read, as the CLI does. {@code -remove-data=K} deletes a key.
 */
@Command(name = "patch", exitCodeOnInvalidInput = 1, description = "Update some keys of a KV v2 secret.")
final class KvPatchCommand extends KvSubcommand {

    @Option(names = {"-cas", "--cas"}, paramLabel = "N", description = "Check-and-set version.")
    private int cas = -1;

    @Option(names = {"-method", "--method"}, paramLabel = "patch|rw",
            description = "patch (HTTP PATCH) or rw (read, merge, write); default: patch, falling back to rw.")
    private String method = "";

    @Option(names = {"-remove-data", "--remove-data"}, paramLabel = "KEY", description = "Key to remove (repeatable).")
    private List<String> removeData = new ArrayList<>();

    @Option(names = {"-field", "--field"}, paramLabel = "NAME", description = "Print only this field.")
    private String field = "";

    @Parameters(arity = "0..*", paramLabel = "PATH K=V", description = "Secret path, then data.")
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        if (args.isEmpty()) {
            throw CommandFailure.usage("Not enough arguments (expected >1, got 0)");
        }
        if (args.size() == 1 && removeData.isEmpty()) {
            throw CommandFailure.usage("Must supply data");
        }
        ObjectNode data = KvPutCommand.parseData(args.subList(1, args.size()), env());
        removeData.forEach(data::putNull);
        Target target = resolve(args.get(0));
        if (!target.v2()) {
            throw CommandFailure.remote("K/V engine mount must be version 2 for patch support");
        }
        String fullPath = target.fullPath("data");
        Secret secret = switch (method) {
            case "rw" -> readThenWrite(fullPath, data);
            case "patch" -> mergePatch(fullPath, data, false);
            case "" -> mergePatch(fullPath, data, true);
            default -> throw CommandFailure.remote("Unsupported method provided to -method flag: " + method);
        };
        return KvPutCommand.printWritten(this, secret, fullPath, field);
    }

    private Secret mergePatch(String fullPath, ObjectNode data, boolean fallback) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("data", data);
        ObjectNode options = body.putObject("options");
        if (cas >= 0) {
            options.put("cas", cas);
        }
        try {
            return client().send(VaultRequest.patch(fullPath, body));
        } catch (ClientException e) {
            if (e.status() == 403 && fallback) {
                ui().warn(GoText.wrap("Data was written to " + fullPath + " but we recommend that you add the "
                        + "\"patch\" capability to your ACL policy in order to use HTTP PATCH in the future."));
                return readThenWrite(fullPath, data);
            }
            if (e.status() == 405) {
                return readThenWrite(fullPath, data);
            }
            throw CommandFailure.remote("Error writing data to " + fullPath + ": " + e.getMessage());
        }
    }

    private Secret readThenWrite(String fullPath, ObjectNode newData) {
        Secret current = attempt(() -> client().read(fullPath, Map.of()), "Error doing pre-read at " + fullPath);
        if (current == null || current.data() == null) {
            throw CommandFailure.remote("No value found at " + fullPath);
        }
        JsonNode metadata = current.field("metadata");
        if (metadata == null || !metadata.isObject()) {
            throw CommandFailure.remote("No metadata found at " + fullPath + "; patch only works on existing data");
        }
        JsonNode old = current.field("data");
        if (old == null || !old.isObject()) {
            throw CommandFailure.remote("No data found at " + fullPath + "; patch only works on existing data");
        }
        ObjectNode merged = ((ObjectNode) old).deepCopy();
        merged.setAll(newData);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("data", merged);
        body.putObject("options").set("cas", metadata.get("version"));
        return attempt(() -> client().send(VaultRequest.put(fullPath, body)), "Error writing data to " + fullPath);
    }
}
