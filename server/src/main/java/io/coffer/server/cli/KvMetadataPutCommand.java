package io.coffer.server.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.GoDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer kv metadata put PATH}: {@code PUT <mount>/metadata/<path>} with only the fields whose flags were
 * given ({@code max_versions}, {@code cas_required}, {@code delete_version_after}, {@code custom_metadata}).
 */
@Command(name = "put", exitCodeOnInvalidInput = 1, description = "Write a KV v2 secret's metadata settings.")
final class KvMetadataPutCommand extends KvSubcommand {

    @Option(names = {"-max-versions", "--max-versions"}, paramLabel = "N", description = "Versions to keep.")
    private int maxVersions = -1;

    @Option(names = {"-cas-required", "--cas-required"}, arity = "0..1", paramLabel = "BOOL",
            description = "Require check-and-set on writes.")
    private Boolean casRequired;

    @Option(names = {"-delete-version-after", "--delete-version-after"}, converter = DurationConverter.class,
            paramLabel = "DURATION", description = "Soft-delete versions this long after writing (0 clears).")
    private Duration deleteVersionAfter;

    @Option(names = {"-custom-metadata", "--custom-metadata"}, paramLabel = "K=V",
            description = "Custom metadata (repeatable).")
    private Map<String, String> customMetadata = new LinkedHashMap<>();

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Secret path.")
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        String fullPath = metadataPath(args);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (maxVersions >= 0) {
            body.put("max_versions", maxVersions);
        }
        if (casRequired != null) {
            body.put("cas_required", casRequired);
        }
        if (deleteVersionAfter != null && !deleteVersionAfter.isNegative()) {
            body.put("delete_version_after", GoDuration.format(deleteVersionAfter));
        }
        if (!customMetadata.isEmpty()) {
            ObjectNode custom = body.putObject("custom_metadata");
            customMetadata.forEach(custom::put);
        }
        Secret secret = attempt(() -> client().send(VaultRequest.put(fullPath, body)),
                "Error writing data to " + fullPath);
        if (secret == null) {
            if (ui().isTable()) {
                ui().output("Success! Data written to: " + fullPath);
            }
            return 0;
        }
        return ui().secret(secret);
    }
}
