package io.coffer.server.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coffer audit list [-detailed]}: {@code GET sys/audit}; exit 2 with a note when none is enabled. */
@Command(name = "list", exitCodeOnInvalidInput = 1, description = "List enabled audit devices.")
final class AuditListCommand extends ClientCommand {

    @Option(names = {"-detailed", "--detailed"}, arity = "0..1", paramLabel = "BOOL",
            description = "Show replication and options too.")
    private boolean detailed;

    @Parameters(arity = "0..*", hidden = true)
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        requireArgs(args, 0);
        VaultClient client = client();
        Secret secret = attempt(() -> client.send(VaultRequest.get("sys/audit")), "Error listing audits");
        ObjectNode devices = secret == null || secret.data() == null ? null : secret.data();
        if (!ui().isTable()) {
            return ui().json(GoJson.sorted(devices));
        }
        if (devices == null || devices.isEmpty()) {
            ui().output("No audit devices are enabled.");
            return 2;
        }
        List<String> rows = new ArrayList<>();
        rows.add(detailed ? "Path | Type | Description | Replication | Options" : "Path | Type | Description");
        GoJson.sortedFields(devices).forEach((key, device) -> {
            String row = device.path("path").asText(key) + " | " + device.path("type").asText() + " | "
                    + device.path("description").asText();
            if (detailed) {
                row += " | " + (device.path("local").asBoolean() ? "local" : "replicated") + " | "
                        + GoText.value(device.get("options"));
            }
            rows.add(row);
        });
        ui().table(rows);
        return 0;
    }
}
