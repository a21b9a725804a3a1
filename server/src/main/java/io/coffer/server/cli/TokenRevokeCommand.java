package io.coffer.server.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer token revoke TOKEN | -self | -accessor ACCESSOR | -mode=orphan TOKEN}: the matching
 * {@code auth/token/revoke*} endpoint (or {@code sys/leases/revoke-prefix/<token>} for {@code -mode=path}).
 */
@Command(name = "revoke", exitCodeOnInvalidInput = 1, description = "Revoke a token and, by default, its children.")
final class TokenRevokeCommand extends ClientCommand {

    @Option(names = {"-self", "--self"}, arity = "0..1", paramLabel = "BOOL", description = "Revoke the own token.")
    private boolean self;

    @Option(names = {"-accessor", "--accessor"}, arity = "0..1", paramLabel = "BOOL",
            description = "The argument is an accessor.")
    private boolean accessor;

    @Option(names = {"-mode", "--mode"}, paramLabel = "MODE",
            description = "\"\" (token and children), orphan (children survive), or path (token's prefix).")
    private String mode = "";

    @Parameters(arity = "0..*", paramLabel = "TOKEN", description = "Token or accessor.")
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        checkArguments();
        String token = args.isEmpty() ? "" : args.get(0).trim();
        VaultRequest request;
        if (self) {
            request = VaultRequest.put("auth/token/revoke-self", null);
        } else if (accessor) {
            request = VaultRequest.put("auth/token/revoke-accessor",
                    JsonNodeFactory.instance.objectNode().put("accessor", token));
        } else if (mode.equals("orphan")) {
            request = VaultRequest.put("auth/token/revoke-orphan",
                    JsonNodeFactory.instance.objectNode().put("token", token));
        } else if (mode.equals("path")) {
            request = VaultRequest.put("sys/leases/revoke-prefix/" + token, null);
        } else {
            request = VaultRequest.put("auth/token/revoke", JsonNodeFactory.instance.objectNode().put("token", token));
        }
        VaultClient client = client();
        attempt(() -> client.send(request), "Error revoking token");
        ui().output("Success! Revoked token (if it existed)");
        return 0;
    }

    private void checkArguments() {
        if (!mode.isEmpty() && !mode.equals("orphan") && !mode.equals("path")) {
            throw CommandFailure.usage("Invalid mode: " + mode);
        }
        String problem = null;
        if (self && !args.isEmpty()) {
            problem = "Too many arguments with -self (expected 0, got " + args.size() + ")";
        } else if (!self && args.size() > 1) {
            problem = "Too many arguments (expected 1 or -self, got " + args.size() + ")";
        } else if (!self && args.isEmpty()) {
            problem = "Not enough arguments (expected 1 or -self, got 0)";
        } else if (self && accessor) {
            problem = "Cannot use -self with -accessor!";
        } else if (self && !mode.isEmpty()) {
            problem = "Cannot use -self with -mode!";
        } else if (accessor && !mode.isEmpty()) {
            problem = "Cannot use -accessor with -mode=" + mode + "!";
        }
        if (problem != null) {
            throw CommandFailure.usage(problem);
        }
    }
}
