package io.coffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer kv metadata get PATH}: {@code GET <mount>/metadata/<path>}; prints the key's metadata, then one
 * {@code Version N} section per version in numeric order (the {@code versions} map has decimal string keys).
 */
@Command(name = "get", exitCodeOnInvalidInput = 1, description = "Read a KV v2 secret's metadata and versions.")
final class KvMetadataGetCommand extends KvSubcommand {

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Secret path.")
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        String fullPath = metadataPath(args);
        Secret secret = attempt(() -> client().read(fullPath, Map.of()), "Error reading " + fullPath);
        if (secret == null) {
            throw CommandFailure.remote("No value found at " + fullPath);
        }
        if (secret.wrapInfo() != null || !ui().isTable()) {
            return ui().secret(secret);
        }
        JsonNode versions = secret.field("versions");
        if (versions == null || !versions.isObject()) {
            ui().error("No value found at " + fullPath);
            ui().secret(secret);
            return 2;
        }
        ObjectNode rest = secret.raw().deepCopy();
        ((ObjectNode) rest.get("data")).remove("versions");
        Secret withoutVersions = new Secret(rest);
        ui().path(fullPath, "Metadata Path");
        ui().output(Ui.headerForMap("Metadata", withoutVersions.data()));
        ui().secret(withoutVersions);
        Map<Long, JsonNode> ordered = new TreeMap<>();
        versions.fields().forEachRemaining(e -> ordered.put(parseVersion(e.getKey()), e.getValue()));
        ordered.forEach((number, version) -> {
            ui().output("\n" + Ui.headerForMap("Version " + number, version));
            ui().map(version);
        });
        return 0;
    }

    private static long parseVersion(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw CommandFailure.remote("Error parsing version " + key + ": " + e.getMessage());
        }
    }
}
