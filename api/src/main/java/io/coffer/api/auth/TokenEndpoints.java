package io.coffer.api.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.Operation;
import io.coffer.api.router.Call;
import io.coffer.api.router.Routes;
import java.time.Clock;
import java.time.Instant;

/** {@code auth/token/*} endpoints (vault-api.md §6). */
public final class TokenEndpoints {

    private final Clock clock;

    public TokenEndpoints(Clock clock) {
        this.clock = clock;
    }

    public void register(Routes routes) {
        routes.on("auth/token/lookup-self", this::lookupSelf, Operation.READ, Operation.UPDATE);
    }

    private ApiResponse lookupSelf(Call call) {
        return ApiResponse.envelope(render(call.token(), call.request().token())).mountType("token").build();
    }

    /** The lookup view of a token (§6.3); {@code id} is shown only to its holder. */
    ObjectNode render(TokenEntry t, String id) {
        ObjectNode data = Json.object();
        data.put("accessor", t.accessor());
        data.put("creation_time", t.creationTime());
        data.put("creation_ttl", t.creationTtl());
        data.put("display_name", t.displayName());
        data.put("entity_id", "");
        if (t.expireTime() == 0) {
            data.putNull("expire_time");
        } else {
            data.put("expire_time", Instant.ofEpochSecond(t.expireTime()).toString());
        }
        data.put("explicit_max_ttl", t.explicitMaxTtl());
        data.put("id", id);
        if (t.meta() == null) {
            data.putNull("meta");
        } else {
            data.set("meta", Json.MAPPER.valueToTree(t.meta()));
        }
        data.put("num_uses", t.numUses());
        data.put("orphan", t.parentHash() == null);
        data.put("path", t.path());
        data.set("policies", Json.MAPPER.valueToTree(t.policies()));
        long ttl = t.expireTime() == 0 ? 0 : Math.max(0, t.expireTime() - clock.instant().getEpochSecond());
        data.put("ttl", ttl);
        data.put("renewable", t.renewable());
        data.put("type", t.type());
        if (t.period() != 0) {
            data.put("period", t.period());
        }
        return data;
    }
}
