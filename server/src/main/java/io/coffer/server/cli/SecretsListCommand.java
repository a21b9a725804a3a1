package io.coffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.GoDuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coffer secrets list [-detailed]}: {@code GET sys/mounts} as the CLI's Path/Type/Accessor table. */
@Command(name = "list", exitCodeOnInvalidInput = 1, description = "List enabled secrets engines.")
final class SecretsListCommand extends ClientCommand {

    @Option(names = {"-detailed", "--detailed"}, arity = "0..1", paramLabel = "BOOL",
            description = "Show TTLs, options, replication and more.")
    private boolean detailed;

    @Parameters(arity = "0..*", hidden = true)
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        requireArgs(args, 0);
        VaultClient client = client();
        Secret secret = attempt(() -> client.send(VaultRequest.get("sys/mounts")), "Error listing secrets engines");
        ObjectNode mounts = secret == null ? null : secret.data();
        if (mounts == null || mounts.isEmpty()) {
            throw CommandFailure.remote("Error listing secrets engines: data from server response is empty");
        }
        if (!ui().isTable()) {
            return ui().json(GoJson.sorted(mounts));
        }
        Map<String, JsonNode> sorted = GoJson.sortedFields(mounts);
        ui().table(detailed ? detailedRows(sorted) : simpleRows(sorted));
        return 0;
    }

    private static List<String> simpleRows(Map<String, JsonNode> mounts) {
        List<String> rows = new ArrayList<>();
        rows.add("Path | Type | Accessor | Description");
        mounts.forEach((path, m) -> rows.add(path + " | " + m.path("type").asText() + " | "
                + m.path("accessor").asText() + " | " + m.path("description").asText()));
        return rows;
    }

    private static List<String> detailedRows(Map<String, JsonNode> mounts) {
        List<String> rows = new ArrayList<>();
        rows.add("Path | Plugin | Accessor | Default TTL | Max TTL | Force No Cache | Replication | Seal Wrap | "
                + "External Entropy Access | Options | Description | UUID | Version | Running Version | "
                + "Running SHA256 | Deprecation Status");
        mounts.forEach((path, m) -> {
            JsonNode config = m.path("config");
            rows.add(String.join(" | ", path, m.path("type").asText(), m.path("accessor").asText(),
                    ttl(config.path("default_lease_ttl")), ttl(config.path("max_lease_ttl")),
                    String.valueOf(config.path("force_no_cache").asBoolean()),
                    m.path("local").asBoolean() ? "local" : "replicated", String.valueOf(m.path("seal_wrap")
                            .asBoolean()), String.valueOf(m.path("external_entropy_access").asBoolean()),
                    options(m.get("options")), m.path("description").asText(), m.path("uuid").asText(),
                    m.path("plugin_version").asText(), m.path("running_plugin_version").asText(),
                    m.path("running_sha256").asText(), m.path("deprecation_status").asText()));
        });
        return rows;
    }

    /** Go's {@code %s} of a {@code map[string]string}: a missing map prints as {@code map[]}. */
    private static String options(JsonNode options) {
        return options == null || options.isNull() ? "map[]" : GoText.value(options);
    }

    private static String ttl(JsonNode seconds) {
        return seconds.asLong() == 0 ? "system" : GoDuration.human(seconds.asLong());
    }
}
