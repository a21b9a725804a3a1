package io.coffer.api.policystore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.Operation;
import io.coffer.api.policy.PolicyException;
import io.coffer.api.policy.PolicyNames;
import io.coffer.api.router.Call;
import io.coffer.api.router.Routes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * ACL policy endpoints (vault-api.md §7.1): {@code sys/policies/acl[/<name>]} with the field {@code policy}, and the
 * legacy {@code sys/policy[/<name>]} that reads back {@code rules}, also accepts {@code rules} on write (with
 * Vault's deprecation warning) and copies its data to the top level of the envelope.
 */
public final class PolicyEndpoints {

    private static final String MOUNT_TYPE = "system";
    private static final String RULES_WARNING = "'rules' is deprecated, please use 'policy' instead";

    private final PolicyStore store;

    public PolicyEndpoints(PolicyStore store) {
        this.store = store;
    }

    public void register(Routes routes) {
        routes.on("sys/policies/acl", c -> list(false), Operation.LIST);
        routes.on("sys/policies/acl/*", c -> read(c, false), Operation.READ);
        routes.onWrite("sys/policies/acl/*", c -> write(c, false));
        routes.on("sys/policies/acl/*", this::delete, Operation.DELETE);
        routes.on("sys/policy", c -> list(true), Operation.READ, Operation.LIST);
        routes.on("sys/policy/*", c -> read(c, true), Operation.READ);
        routes.onWrite("sys/policy/*", c -> write(c, true));
        routes.on("sys/policy/*", this::delete, Operation.DELETE);
    }

    /** Vault appends {@code root} after the stored names; the legacy form repeats the list as {@code policies}. */
    private ApiResponse list(boolean legacy) {
        List<String> names = new ArrayList<>(store.names());
        names.add(PolicyNames.ROOT);
        ObjectNode data = Json.object();
        names.forEach(data.putArray("keys")::add);
        if (legacy) {
            data.set("policies", data.get("keys").deepCopy());
        }
        return respond(data, legacy);
    }

    private ApiResponse read(Call call, boolean legacy) {
        String name = PolicyNames.normalize(call.param());
        String text = store.text(name).orElseThrow(ApiException::notFound);
        ObjectNode data = Json.object();
        data.put("name", name);
        data.put(legacy ? "rules" : "policy", text);
        return respond(data, legacy);
    }

    private ApiResponse write(Call call, boolean legacy) {
        ObjectNode body = call.request().jsonBody();
        String text = text(body, "policy");
        List<String> warnings = null;
        if (text.isEmpty() && legacy) {
            text = text(body, "rules");
            warnings = List.of(RULES_WARNING);
        }
        if (text.isEmpty()) {
            throw ApiException.badRequest("'policy' parameter not supplied or empty");
        }
        try {
            store.put(call.param(), decodeIfBase64(text));
        } catch (PolicyException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        if (warnings == null) {
            return ApiResponse.noContent();
        }
        return ApiResponse.envelope(null).mountType(MOUNT_TYPE).warnings(warnings).build();
    }

    private ApiResponse delete(Call call) {
        try {
            store.delete(call.param());
        } catch (PolicyException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return ApiResponse.noContent();
    }

    private static ApiResponse respond(ObjectNode data, boolean legacy) {
        ApiResponse.Envelope envelope = ApiResponse.envelope(data).mountType(MOUNT_TYPE);
        return (legacy ? envelope.injectTopLevel() : envelope).build();
    }

    private static String text(ObjectNode body, String field) {
        var value = body.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? "" : value.asText();
    }

    /**
     * Vault decodes the policy text when it is valid standard base64 ({@code base64.StdEncoding}: padding required,
     * line breaks ignored) and uses it as written otherwise.
     */
    static String decodeIfBase64(String text) {
        String compact = text.replace("\r", "").replace("\n", "");
        if (compact.isEmpty() || compact.length() % 4 != 0) {
            return text;
        }
        try {
            return new String(Base64.getDecoder().decode(compact), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return text;
        }
    }
}
