package io.coffer.api.raft;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.router.Call;
import io.coffer.api.router.Routes;
import io.coffer.api.sys.RawBody;
import java.util.List;

/**
 * {@code sys/storage/raft/join} (vault-api.md §3.1): unauthenticated, raw body with case-insensitive field names,
 * answered by the joining node itself. Validates the request as Vault's HTTP handler does, then hands it to the
 * {@link Joiner}. Cloud {@code auto_join} is not implemented.
 */
final class JoinEndpoint {

    static final String PATH = "sys/storage/raft/join";

    private final Joiner joiner;
    private final LeaderClient client;

    JoinEndpoint(Joiner joiner, LeaderClient client) {
        this.joiner = joiner;
        this.client = client;
    }

    void register(Routes open) {
        open.onWrite(PATH, this::join);
    }

    private ApiResponse join(Call call) {
        RawBody body = RawBody.of(call.request());
        if (body.bool("non_voter")) {
            throw ApiException.badRequest("non-voting nodes not allowed");
        }
        JoinTarget target = new JoinTarget(body.text("leader_api_addr").trim(), body.text("leader_ca_cert"),
                body.text("leader_client_cert"), body.text("leader_client_key"), body.text("leader_tls_servername"));
        if (target.leaderCaCert() != null || target.leaderClientCert() != null || target.leaderClientKey() != null) {
            try {
                client.check(target);
            } catch (JoinException e) {
                throw ApiException.badRequest(e.getMessage());
            }
        }
        String scheme = body.text("auto_join_scheme");
        if (!scheme.isEmpty() && !scheme.equals("http") && !scheme.equals("https")) {
            throw ApiException.badRequest("invalid scheme \"" + scheme + "\"; must either be http or https");
        }
        boolean retry = body.bool("retry");
        boolean hasLeader = !target.leaderApiAddr().isEmpty();
        boolean hasAutoJoin = !body.text("auto_join").isEmpty();
        boolean joined;
        if (hasLeader && hasAutoJoin) {
            joined = joiner.reject("cannot provide both leader address and auto-join metadata", retry);
        } else if (hasAutoJoin) {
            joined = joiner.reject("auto_join is not supported by this server; give leader_api_addr", retry);
        } else if (!hasLeader) {
            joined = joiner.reject("must provide leader address or auto-join metadata", retry);
        } else {
            joined = joiner.join(List.of(target), retry);
        }
        ObjectNode out = Json.object().put("joined", joined);
        return ApiResponse.raw(out);
    }
}
