package io.coffer.api.policystore;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.auth.Authorizer;
import io.coffer.api.auth.TokenEntry;
import io.coffer.api.auth.TokenStore;
import io.coffer.api.router.Call;
import io.coffer.api.router.Routes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sys/capabilities-self}, {@code sys/capabilities} (another token) and {@code sys/capabilities-accessor}:
 * the sorted capabilities of a token on each of {@code paths} (or the deprecated {@code path}), one key per path,
 * plus {@code capabilities} when a single path was asked; data copied to the top level, as Vault does.
 */
public final class CapabilitiesEndpoints {

    private final TokenStore tokens;
    private final Authorizer authorizer;

    public CapabilitiesEndpoints(TokenStore tokens, Authorizer authorizer) {
        this.tokens = tokens;
        this.authorizer = authorizer;
    }

    public void register(Routes routes) {
        routes.onWrite("sys/capabilities-self", c -> respond(c, c.token()));
        routes.onWrite("sys/capabilities-accessor", c -> respond(c, byAccessor(c)));
        routes.onWrite("sys/capabilities", c -> respond(c, byToken(c)));
    }

    private TokenEntry byToken(Call call) {
        String token = field(call.request().data(), "token");
        if (token.isEmpty()) {
            throw ApiException.badRequest("no token found");
        }
        return tokens.lookup(token).orElseThrow(() -> ApiException.badRequest("invalid token"));
    }

    private TokenEntry byAccessor(Call call) {
        String accessor = field(call.request().data(), "accessor");
        if (accessor.isEmpty()) {
            throw ApiException.badRequest("missing accessor");
        }
        return tokens.lookupByAccessor(accessor).orElseThrow(() -> ApiException.badRequest("invalid accessor"));
    }

    private ApiResponse respond(Call call, TokenEntry token) {
        ObjectNode body = call.request().data();
        List<String> paths = paths(body, "paths");
        if (paths.isEmpty()) {
            paths = paths(body, "path");
        }
        if (paths.isEmpty()) {
            throw ApiException.badRequest("paths must be supplied");
        }
        ObjectNode data = Json.object();
        for (String path : paths) {
            ArrayNode capabilities = data.putArray(path);
            authorizer.capabilities(token, path).forEach(capabilities::add);
        }
        if (paths.size() == 1) {
            data.set("capabilities", data.get(paths.get(0)).deepCopy());
        }
        return ApiResponse.envelope(data).mountType("system").injectTopLevel().build();
    }

    /** Vault's comma-string-slice: a JSON array or a comma-separated string, items trimmed, empty ones dropped. */
    private static List<String> paths(ObjectNode body, String field) {
        List<String> out = new ArrayList<>();
        var raw = body.get(field);
        if (raw == null || raw.isNull()) {
            return out;
        }
        if (raw.isArray()) {
            raw.forEach(item -> add(out, item.asText()));
        } else if (raw.isValueNode()) {
            for (String part : raw.asText().split(",")) {
                add(out, part);
            }
        }
        return out;
    }

    private static void add(List<String> out, String value) {
        String trimmed = value.strip();
        if (!trimmed.isEmpty()) {
            out.add(trimmed);
        }
    }

    private static String field(ObjectNode body, String name) {
        var value = body.get(name);
        return value == null || !value.isValueNode() || value.isNull() ? "" : value.asText();
    }
}
