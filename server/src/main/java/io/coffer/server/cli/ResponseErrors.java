package io.coffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Words an error status as the Go client's {@code api.ResponseError} does, which is what {@code vault} prints
 * after its own prefix:
 * <pre>
 * Error making API request.
 *
 * URL: PUT https://127.0.0.1:8200/v1/secret/data/app
 * Code: 400. Errors:
 *
 * * check-and-set parameter did not match the current version
 * </pre>
 * A body that is not JSON is shown raw ({@code Raw Message:}).
 */
final class ResponseErrors {

    private ResponseErrors() {
    }

    static ClientException of(VaultClient.Response response) {
        JsonNode body = response.json();
        boolean raw = body == null || !body.isObject();
        List<String> errors = new ArrayList<>();
        if (raw) {
            errors.add(response.body() == null ? "" : new String(response.body(), StandardCharsets.UTF_8));
        } else {
            body.path("errors").forEach(e -> errors.add(e.asText()));
        }
        StringBuilder text = new StringBuilder("Error making API request.\n\n");
        if (!response.namespace().isEmpty()) {
            text.append("Namespace: ").append(response.namespace()).append('\n');
        }
        text.append("URL: ").append(response.method()).append(' ').append(response.uri()).append('\n')
                .append("Code: ").append(response.status()).append(". ").append(raw ? "Raw Message" : "Errors")
                .append(":\n\n");
        if (raw) {
            text.append(errors.get(0));
        } else {
            text.append(String.join("\n", errors.stream().map(e -> "* " + e).toList()));
        }
        Secret secret = raw ? null : Secret.parse(body);
        boolean carriesResult = response.status() == 404 && secret != null && secret.hasDataOrWarnings();
        return new ClientException(text.toString(), response.status(), carriesResult ? secret : null, null);
    }
}
