package io.coffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer operator unseal [KEY]}: {@code PUT sys/unseal} with {@code {"key","reset","migrate"}} (all three,
 * always), then the seal status table with its {@code Unseal Progress n/t}. Without KEY it prompts with input
 * hidden on a terminal, or reads one line from standard input otherwise. Exit 0 even while still sealed.
 */
@Command(name = "unseal", exitCodeOnInvalidInput = 1, description = "Submit one unseal key share.")
final class OperatorUnsealCommand extends ClientCommand {

    @Option(names = {"-reset", "--reset"}, arity = "0..1", paramLabel = "BOOL",
            description = "Discard the shares submitted so far.")
    private boolean reset;

    @Option(names = {"-migrate", "--migrate"}, arity = "0..1", paramLabel = "BOOL",
            description = "Seal migration (not supported by Coffer; sent as given).")
    private boolean migrate;

    @Parameters(arity = "0..*", paramLabel = "KEY", description = "An unseal key share (hex or base64).")
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        if (args.size() > 1) {
            throw CommandFailure.usage("Too many arguments (expected 1, got " + args.size() + ")");
        }
        String key = args.isEmpty() ? "" : args.get(0).trim();
        VaultClient client = client();
        if (reset) {
            JsonNode status = attempt(() -> client.json(VaultRequest.put("sys/unseal", body("", true))),
                    "Error resetting unseal process");
            return SealStatusOutput.print(ui(), client, status);
        }
        if (key.isEmpty()) {
            key = prompt();
        }
        ObjectNode request = body(key, false);
        JsonNode status = attempt(() -> client.json(VaultRequest.put("sys/unseal", request)), "Error unsealing");
        return SealStatusOutput.print(ui(), client, status);
    }

    private ObjectNode body(String key, boolean resetProcess) {
        return JsonNodeFactory.instance.objectNode().put("key", key).put("reset", resetProcess)
                .put("migrate", migrate);
    }

    private String prompt() {
        ui().raw("Unseal Key (will be hidden): ");
        Console console = env().console();
        String value;
        if (console != null) {
            char[] typed = console.readPassword();
            value = typed == null ? null : new String(typed);
        } else {
            try {
                value = new BufferedReader(new InputStreamReader(env().stdin(), StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                value = null;
            }
        }
        ui().output("");
        if (value == null) {
            throw CommandFailure.usage(GoText.wrap("An error occurred attempting to ask for an unseal key. The "
                    + "unseal key can be provided as the first argument to the unseal command."));
        }
        return value.trim();
    }
}
