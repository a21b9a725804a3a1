package io.coffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coffer policy list}: {@code GET sys/policies/acl?list=true}; one name per line. */
@Command(name = "list", exitCodeOnInvalidInput = 1, description = "List ACL policies.")
final class PolicyListCommand extends ClientCommand {

    @Parameters(arity = "0..*", hidden = true)
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        requireArgs(args, 0);
        VaultClient client = client();
        Secret secret = attempt(() -> client.send(VaultRequest.get("sys/policies/acl").withQuery("list", "true")),
                "Error listing policies");
        JsonNode keys = secret == null ? null : secret.field("keys");
        if (keys == null) {
            throw CommandFailure.remote("Error listing policies: data from server response is empty");
        }
        if (!ui().isTable()) {
            return ui().json(keys);
        }
        keys.forEach(key -> ui().output(key.asText()));
        return 0;
    }
}
