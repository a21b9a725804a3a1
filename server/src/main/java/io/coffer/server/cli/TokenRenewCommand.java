package io.coffer.server.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer token renew [TOKEN]}: {@code PUT auth/token/renew-self}, {@code auth/token/renew} or
 * {@code auth/token/renew-accessor} with {@code increment} in whole seconds.
 */
@Command(name = "renew", exitCodeOnInvalidInput = 1, description = "Renew a token's lease.")
final class TokenRenewCommand extends ClientCommand {

    @Option(names = {"-increment", "--increment", "-i"}, converter = DurationConverter.class,
            paramLabel = "DURATION", description = "Requested extension (the server may cap it).")
    private Duration increment = Duration.ZERO;

    @Option(names = {"-accessor", "--accessor"}, arity = "0..1", paramLabel = "BOOL",
            description = "The argument is an accessor, not a token.")
    private boolean accessor;

    @Parameters(arity = "0..*", paramLabel = "TOKEN", description = "Token (default: the client's own).")
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        if (args.size() > 1) {
            throw CommandFailure.usage("Too many arguments (expected 1, got " + args.size() + ")");
        }
        String token = args.isEmpty() ? "" : args.get(0).trim();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        String path;
        if (token.isEmpty()) {
            path = "auth/token/renew-self";
        } else if (accessor) {
            path = "auth/token/renew-accessor";
            body.put("accessor", token);
        } else {
            path = "auth/token/renew";
            body.put("token", token);
        }
        body.put("increment", increment.toSeconds());
        VaultClient client = client();
        Secret secret = attempt(() -> client.send(VaultRequest.put(path, body)), "Error renewing token");
        return ui().secret(secret);
    }
}
