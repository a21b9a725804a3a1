package io.coffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer operator init}: {@code GET sys/seal-status} (to choose where the 5/3 defaults go), then
 * {@code PUT sys/init} with the CLI's full body (vault-api.md §12). Prints the unseal keys and root token, the only
 * secrets a client command ever prints; {@code -format=json} prints the CLI's {@code unseal_keys_b64} document.
 * {@code -status} asks {@code GET sys/init} instead: exit 0 initialized, 2 not, 1 error.
 */
@Command(name = "init", exitCodeOnInvalidInput = 1, description = "Initialize the server: unseal keys and root token.")
final class OperatorInitCommand extends ClientCommand {

    private static final int DEFAULT_SHARES = 5;
    private static final int DEFAULT_THRESHOLD = 3;

    @Option(names = {"-status", "--status"}, arity = "0..1", paramLabel = "BOOL",
            description = "Only print whether the server is initialized (exit 0 yes, 2 no).")
    private boolean status;

    @Option(names = {"-key-shares", "--key-shares", "-n"}, paramLabel = "N",
            description = "Number of unseal key shares (default 5).")
    private int keyShares;

    @Option(names = {"-key-threshold", "--key-threshold", "-t"}, paramLabel = "N",
            description = "Shares needed to unseal (default 3).")
    private int keyThreshold;

    @Option(names = {"-recovery-shares", "--recovery-shares"}, paramLabel = "N", description = "Auto-unseal only.")
    private int recoveryShares;

    @Option(names = {"-recovery-threshold", "--recovery-threshold"}, paramLabel = "N",
            description = "Auto-unseal only.")
    private int recoveryThreshold;

    @Parameters(arity = "0..*", hidden = true)
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        requireArgs(args, 0);
        VaultClient client = client();
        if (status) {
            return initStatus(client);
        }
        JsonNode seal;
        try {
            seal = client.json(VaultRequest.get("sys/seal-status"));
        } catch (ClientException e) {
            throw CommandFailure.remote(e.getMessage());
        }
        if (seal != null && seal.path("recovery_seal").asBoolean()) {
            recoveryShares = recoveryShares == 0 ? DEFAULT_SHARES : recoveryShares;
            recoveryThreshold = recoveryThreshold == 0 ? DEFAULT_THRESHOLD : recoveryThreshold;
        } else {
            keyShares = keyShares == 0 ? DEFAULT_SHARES : keyShares;
            keyThreshold = keyThreshold == 0 ? DEFAULT_THRESHOLD : keyThreshold;
        }
        JsonNode reply = attempt(() -> client.json(VaultRequest.put("sys/init", request())), "Error initializing");
        return ui().isTable() ? printTable(reply) : ui().json(machineInit(reply));
    }

    private ObjectNode request() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("secret_shares", keyShares).put("secret_threshold", keyThreshold).put("stored_shares", 0);
        body.putNull("pgp_keys");
        body.put("recovery_shares", recoveryShares).put("recovery_threshold", recoveryThreshold);
        body.putNull("recovery_pgp_keys");
        body.put("root_token_pgp_key", "");
        return body;
    }

    private int initStatus(VaultClient client) {
        JsonNode reply;
        try {
            reply = client.json(VaultRequest.get("sys/init"));
        } catch (ClientException e) {
            throw new CommandFailure(1, "Error checking init status: " + e.getMessage());
        }
        boolean initialized = reply != null && reply.path("initialized").asBoolean();
        if (ui().isTable()) {
            ui().output(initialized ? "Vault is initialized" : "Vault is not initialized");
        } else {
            ui().json(JsonNodeFactory.instance.objectNode().put("Initialized", initialized));
        }
        return initialized ? 0 : 2;
    }

    private int printTable(JsonNode reply) {
        printKeys(reply.path("keys"), reply.path("keys_base64"), "Unseal Key");
        printKeys(reply.path("recovery_keys"), reply.path("recovery_keys_base64"), "Recovery Key");
        ui().output("");
        ui().output("Initial Root Token: " + reply.path("root_token").asText());
        if (reply.path("keys").size() > 0) {
            ui().output("");
            ui().output(GoText.wrap("Vault initialized with " + keyShares + " key shares and a key threshold of "
                    + keyThreshold + ". Please securely distribute the key shares printed above. When the Vault is "
                    + "re-sealed, restarted, or stopped, you must supply at least " + keyThreshold + " of these keys "
                    + "to unseal it before it can start servicing requests."));
            ui().output("");
            ui().output(GoText.wrap("Vault does not store the generated root key. Without at least " + keyThreshold
                    + " keys to reconstruct the root key, Vault will remain permanently sealed!"));
            ui().output("");
            ui().output(GoText.wrap("It is possible to generate new unseal keys, provided you have a quorum of "
                    + "existing unseal keys shares. See \"vault operator rekey\" for more information."));
        } else {
            ui().output("");
            ui().output("Success! Vault is initialized");
        }
        if (reply.path("recovery_keys").size() > 0) {
            ui().output("");
            ui().output(GoText.wrap("Recovery key initialized with " + recoveryShares + " key shares and a key "
                    + "threshold of " + recoveryThreshold + ". Please securely distribute the key shares printed "
                    + "above."));
        }
        return 0;
    }

    /** Base64 shares when both lists have the same length, else hex, as the CLI prints them. */
    private void printKeys(JsonNode hex, JsonNode base64, String label) {
        boolean useBase64 = base64.isArray() && base64.size() == hex.size();
        for (int i = 0; i < hex.size(); i++) {
            ui().output(label + " " + (i + 1) + ": " + (useBase64 ? base64.get(i) : hex.get(i)).asText());
        }
    }

    /** The CLI's client-side {@code machineInit} document. */
    private ObjectNode machineInit(JsonNode reply) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("unseal_keys_b64", strings(reply.path("keys_base64")));
        out.set("unseal_keys_hex", strings(reply.path("keys")));
        boolean stored = reply.path("keys").size() == 0;
        out.put("unseal_shares", stored ? 1 : keyShares);
        out.put("unseal_threshold", stored ? 1 : keyThreshold);
        out.set("recovery_keys_b64", strings(reply.path("recovery_keys_base64")));
        out.set("recovery_keys_hex", strings(reply.path("recovery_keys")));
        out.put("recovery_keys_shares", recoveryShares);
        out.put("recovery_keys_threshold", recoveryThreshold);
        out.put("root_token", reply.path("root_token").asText());
        return out;
    }

    private static JsonNode strings(JsonNode list) {
        return list.isArray() ? list : JsonNodeFactory.instance.arrayNode();
    }
}
