package io.coffer.server.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer token lookup [TOKEN]}: {@code GET auth/token/lookup-self} without an argument,
 * {@code POST auth/token/lookup} with one, {@code POST auth/token/lookup-accessor} with {@code -accessor}.
 */
@Command(name = "lookup", exitCodeOnInvalidInput = 1, description = "Show a token's properties.")
final class TokenLookupCommand extends ClientCommand {

    @Option(names = {"-accessor", "--accessor"}, arity = "0..1", paramLabel = "BOOL",
            description = "The argument is an accessor, not a token.")
    private boolean accessor;

    @Parameters(arity = "0..*", paramLabel = "TOKEN", description = "Token (default: the client's own).")
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        if (accessor && args.size() != 1) {
            throw CommandFailure.usage((args.isEmpty() ? "Not enough" : "Too many") + " arguments with -accessor "
                    + "(expected 1, got " + args.size() + ")");
        }
        if (args.size() > 1) {
            throw CommandFailure.usage("Too many arguments (expected 0-1, got " + args.size() + ")");
        }
        String token = args.isEmpty() ? "" : args.get(0).trim();
        VaultClient client = client();
        VaultRequest request;
        if (token.isEmpty()) {
            request = VaultRequest.get("auth/token/lookup-self");
        } else if (accessor) {
            request = VaultRequest.put("auth/token/lookup-accessor",
                    JsonNodeFactory.instance.objectNode().put("accessor", token));
        } else {
            request = VaultRequest.put("auth/token/lookup", JsonNodeFactory.instance.objectNode().put("token", token));
        }
        Secret secret = attempt(() -> request.method().equals("GET") ? client.read(request.path(), Map.of())
                : client.send(request), "Error looking up token");
        return ui().secret(secret);
    }
}
