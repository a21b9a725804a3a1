package io.coffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coffer policy read NAME}: {@code GET sys/policies/acl/<name>}; prints the policy text. */
@Command(name = "read", exitCodeOnInvalidInput = 1, description = "Print an ACL policy.")
final class PolicyReadCommand extends ClientCommand {

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Policy name.")
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        requireArgs(args, 1);
        String name = args.get(0).trim().toLowerCase(Locale.ROOT);
        VaultClient client = client();
        Secret secret = attempt(() -> client.read("sys/policies/acl/" + name, Map.of()),
                "Error reading policy named " + name);
        JsonNode policy = secret == null ? null : secret.field("policy");
        String rules = policy == null ? "" : policy.asText();
        if (rules.isEmpty()) {
            throw CommandFailure.remote("No policy named: " + name);
        }
        if (ui().isTable()) {
            ui().output(rules.strip());
            return 0;
        }
        return ui().json(JsonNodeFactory.instance.objectNode().put("policy", rules));
    }
}
