package io.coffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code -field=NAME} (the CLI's {@code RawField} and {@code PrintRawField}): picks one value out of a response,
 * by the names the table shows ({@code token}, {@code token_accessor}, {@code refresh_interval}, or a data key),
 * and prints it bare (no newline unless standard output is a terminal) or, with {@code -format=json}, as JSON.
 */
final class RawField {

    private RawField() {
    }

    /** The value of {@code field} in {@code secret}, or null. */
    static JsonNode of(Secret secret, String field) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode auth = secret.auth();
        if (auth != null) {
            return switch (field) {
                case "token" -> auth.get("client_token");
                case "token_accessor" -> auth.get("accessor");
                case "token_duration" -> auth.get("lease_duration");
                case "token_renewable" -> auth.get("renewable");
                case "token_policies" -> auth.get("token_policies");
                case "identity_policies" -> auth.get("identity_policies");
                case "policies" -> auth.get("policies");
                default -> secret.field(field);
            };
        }
        return switch (field) {
            case "refresh_interval", "lease_duration" -> nodes.numberNode(secret.leaseDuration());
            case "lease_id" -> nodes.textNode(secret.leaseId());
            case "lease_renewable" -> nodes.booleanNode(secret.renewable());
            case "request_id" -> nodes.textNode(secret.requestId());
            default -> secret.field(field);
        };
    }

    /** Prints {@code value}; a missing value is the CLI's {@code Field "x" not present in secret} (exit 1). */
    static int print(Ui ui, JsonNode value, String field, boolean terminal) {
        if (value == null || value.isNull()) {
            ui.error("Field \"" + field + "\" not present in secret");
            return 1;
        }
        if (ui.isTable() || ui.format().equals("raw")) {
            String text = GoText.value(value);
            if (terminal) {
                ui.output(text);
            } else {
                ui.raw(text);
            }
            return 0;
        }
        return ui.json(value);
    }
}
