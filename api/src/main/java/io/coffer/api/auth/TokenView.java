package io.coffer.api.auth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How tokens appear on the wire (vault-api.md §6.2, §6.3): the lookup {@code data} (keys in Go's sorted map
 * order) and the {@code auth} block of create and renew responses (keys in the order of Vault's struct). Pure.
 */
final class TokenView {

    static final String MOUNT_TYPE = "token";

    private TokenView() {
    }

    /**
     * The lookup view of {@code t} at {@code now} (unix seconds); {@code id} is the token itself for its holder
     * and {@code ""} when looked up by accessor.
     */
    static ObjectNode lookup(TokenEntry t, String id, long now) {
        boolean expiring = t.expireTime() != 0;
        ObjectNode data = Json.object();
        data.put("accessor", t.accessor());
        data.put("creation_time", t.creationTime());
        data.put("creation_ttl", t.creationTtl());
        data.put("display_name", t.displayName());
        data.put("entity_id", "");
        if (expiring) {
            data.put("expire_time", Timestamps.format(Instant.ofEpochSecond(t.expireTime())));
        } else {
            data.putNull("expire_time");
        }
        data.put("explicit_max_ttl", t.explicitMaxTtl());
        data.put("id", id);
        if (expiring && t.issueTime() != null) {
            data.put("issue_time", t.issueTime());
        }
        if (t.lastRenewalTime() != 0) {
            data.put("last_renewal", Timestamps.format(Instant.ofEpochSecond(t.lastRenewalTime())));
            data.put("last_renewal_time", t.lastRenewalTime());
        }
        putMap(data, "meta", t.meta());
        data.put("num_uses", t.numUses());
        data.put("orphan", t.isOrphan());
        data.put("path", t.path());
        if (t.period() != 0) {
            data.put("period", t.period());
        }
        data.set("policies", strings(t.policies()));
        data.put("renewable", expiring && t.renewable());
        data.put("ttl", expiring ? Math.max(0, t.expireTime() - now) : 0);
        data.put("type", t.type());
        return data;
    }

    /** The {@code auth} block for {@code t} granted {@code leaseSeconds}, with {@code clientToken} shown. */
    static ObjectNode auth(TokenEntry t, String clientToken, long leaseSeconds) {
        ObjectNode auth = Json.object();
        auth.put("client_token", clientToken);
        auth.put("accessor", t.accessor());
        auth.set("policies", strings(t.policies()));
        if (!t.policies().isEmpty()) {
            auth.set("token_policies", strings(t.policies()));
        }
        putMap(auth, "metadata", t.meta());
        auth.put("lease_duration", leaseSeconds);
        auth.put("renewable", t.renewable() && t.expireTime() != 0);
        auth.put("entity_id", "");
        auth.put("token_type", t.type());
        auth.put("orphan", t.isOrphan());
        auth.putNull("mfa_requirement");
        auth.put("num_uses", Math.max(0, t.numUses()));
        return auth;
    }

    /** The response of create and renew: {@code data: null}, the auth block and any warnings. */
    static ApiResponse authResponse(ObjectNode auth, List<String> warnings) {
        return ApiResponse.envelope(null).mountType(MOUNT_TYPE).auth(auth)
                .warnings(warnings.isEmpty() ? null : warnings).build();
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        values.forEach(out::add);
        return out;
    }

    private static void putMap(ObjectNode target, String field, Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            target.putNull(field);
        } else {
            ObjectNode node = target.putObject(field);
            new TreeMap<>(map).forEach(node::put);
        }
    }
}
