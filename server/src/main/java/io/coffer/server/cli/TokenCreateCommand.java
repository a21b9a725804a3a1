package io.coffer.server.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * {@code coffer token create [-policy=P]... [-period=768h] ...}: {@code POST auth/token/create} (or
 * {@code create-orphan} with {@code -orphan}, {@code create/<role>} with {@code -role}) with the body of the Go
 * client's {@code TokenCreateRequest} (vault-api.md §12); prints the token table ({@code token_duration} ∞ for 0).
 */
@Command(name = "create", exitCodeOnInvalidInput = 1, description = "Create a token.")
final class TokenCreateCommand extends ClientCommand {

    @Option(names = {"-policy", "--policy"}, paramLabel = "NAME", description = "Policy to attach (repeatable).")
    private List<String> policies = new ArrayList<>();

    @Option(names = {"-period", "--period"}, converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Make a periodic token renewable for this long each time (root or sudo only).")
    private Duration period = Duration.ZERO;

    @Option(names = {"-ttl", "--ttl"}, converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Initial TTL.")
    private Duration ttl = Duration.ZERO;

    @Option(names = {"-explicit-max-ttl", "--explicit-max-ttl"}, converter = DurationConverter.class,
            paramLabel = "DURATION", description = "Hard cap on the token's lifetime.")
    private Duration explicitMaxTtl = Duration.ZERO;

    @Option(names = {"-display-name", "--display-name"}, paramLabel = "NAME", description = "Display name.")
    private String displayName = "";

    @Option(names = {"-id", "--id"}, paramLabel = "ID", description = "Custom token value (root or sudo only).")
    private String id = "";

    @Option(names = {"-metadata", "--metadata"}, paramLabel = "K=V", description = "Metadata (repeatable).")
    private Map<String, String> metadata = new LinkedHashMap<>();

    @Option(names = {"-orphan", "--orphan"}, arity = "0..1", paramLabel = "BOOL", description = "No parent token.")
    private boolean orphan;

    @Option(names = {"-no-default-policy", "--no-default-policy"}, arity = "0..1", paramLabel = "BOOL",
            description = "Do not attach the default policy.")
    private boolean noDefaultPolicy;

    @Option(names = {"-renewable", "--renewable"}, arity = "0..1", paramLabel = "BOOL",
            description = "Whether the token can be renewed (default true).")
    private boolean renewable = true;

    @Option(names = {"-use-limit", "--use-limit"}, paramLabel = "N", description = "Number of uses (0: unlimited).")
    private int useLimit;

    @Option(names = {"-role", "--role"}, paramLabel = "ROLE", description = "Create against this token role.")
    private String role = "";

    @Option(names = {"-type", "--type"}, paramLabel = "TYPE", description = "service (default) or batch.")
    private String type = "service";

    @Option(names = {"-entity-alias", "--entity-alias"}, paramLabel = "NAME", description = "Entity alias (roles).")
    private String entityAlias = "";

    @Option(names = {"-field", "--field"}, paramLabel = "NAME", description = "Print only this field.")
    private String field = "";

    @Parameters(arity = "0..*", hidden = true)
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        requireArgs(args, 0);
        String path = !role.isEmpty() ? "auth/token/create/" + role
                : orphan ? "auth/token/create-orphan" : "auth/token/create";
        ObjectNode body = body();
        VaultClient client = client();
        Secret secret = attempt(() -> client.send(VaultRequest.post(path, body)), "Error creating token");
        if (!field.isEmpty()) {
            return RawField.print(ui(), secret == null ? null : RawField.of(secret, field), field,
                    env().console() != null);
        }
        return ui().secret(secret);
    }

    /** Go's {@code TokenCreateRequest}: omitempty fields only when set, the rest always. */
    private ObjectNode body() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (!id.isEmpty()) {
            body.put("id", id);
        }
        if (!policies.isEmpty()) {
            ArrayNode list = body.putArray("policies");
            policies.forEach(list::add);
        }
        if (!metadata.isEmpty()) {
            ObjectNode meta = body.putObject("meta");
            metadata.forEach(meta::put);
        }
        body.put("ttl", GoDuration.format(ttl));
        body.put("explicit_max_ttl", GoDuration.format(explicitMaxTtl));
        body.put("period", GoDuration.format(period));
        if (orphan) {
            body.put("no_parent", true);
        }
        if (noDefaultPolicy) {
            body.put("no_default_policy", true);
        }
        body.put("display_name", displayName);
        body.put("num_uses", useLimit);
        body.put("renewable", !"batch".equals(type) && renewable);
        body.put("type", type);
        body.put("entity_alias", entityAlias);
        return body;
    }
}
