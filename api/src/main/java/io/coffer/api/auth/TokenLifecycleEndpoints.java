package io.coffer.api.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.Operation;
import io.coffer.api.router.Call;
import io.coffer.api.router.Routes;
import java.util.List;
import java.util.Optional;

/**
 * Renewal and revocation endpoints of {@code auth/token/} (vault-api.md §6.3), and the accessor listing.
 * Revoking a token revokes its descendants ({@link TokenRevoker}); revoke-orphan keeps them as orphans.
 */
final class TokenLifecycleEndpoints {

    private final TokenStore store;
    private final Authorizer authorizer;
    private final TokenTtl ttls;

    TokenLifecycleEndpoints(TokenStore store, Authorizer authorizer, TokenTtl ttls) {
        this.store = store;
        this.authorizer = authorizer;
        this.ttls = ttls;
    }

    void register(Routes routes) {
        routes.onWrite("auth/token/renew-self", c -> renew(c.request().token(), c, true));
        routes.onWrite("auth/token/renew-accessor", c -> renewByAccessor(c));
        routes.onWrite("auth/token/renew", c -> renew(tokenField(c), c, true));
        routes.onWrite("auth/token/revoke-self", c -> revoke(c.request().token()));
        routes.onWrite("auth/token/revoke-accessor", this::revokeAccessor);
        routes.onWrite("auth/token/revoke-orphan", this::revokeOrphan);
        routes.onWrite("auth/token/revoke", c -> revoke(tokenField(c)));
        routes.on("auth/token/accessors", c -> accessors(), Operation.LIST);
    }

    /** The token hash behind the request's {@code accessor} field; 400 when missing or unknown. */
    String hashOfAccessor(Call call) {
        String accessor = WeakFields.text(call.request().data(), "accessor");
        if (accessor.isEmpty()) {
            throw ApiException.badRequest("missing accessor");
        }
        return store.hashOfAccessor(accessor).orElseThrow(() -> ApiException.badRequest("invalid accessor"));
    }

    private ApiResponse renewByAccessor(Call call) {
        String hash = hashOfAccessor(call);
        return renew(() -> store.liveByHash(hash), call, "");
    }

    private ApiResponse renew(String token, Call call, boolean showToken) {
        if (token == null || token.isEmpty()) {
            throw ApiException.badRequest("missing token ID");
        }
        return renew(() -> store.live(token), call, showToken ? token : "");
    }

    private interface Reader {
        Optional<TokenStore.Stored> read();
    }

    /**
     * Vault's {@code RenewToken}: a periodic token gets its period again; any other token the increment (else its
     * last TTL), never past its maximum lifetime. Conditional on the entry being unchanged; retried on conflict.
     */
    private ApiResponse renew(Reader reader, Call call, String shownToken) {
        long increment = WeakFields.seconds(call.request().data(), "increment");
        for (int attempt = 0; attempt < TokenStore.MAX_ATTEMPTS; attempt++) {
            TokenStore.Stored stored = reader.read()
                    .orElseThrow(() -> ApiException.badRequest("token not found"));
            TokenEntry entry = stored.entry();
            if (entry.expireTime() == 0 || !entry.renewable()) {
                throw ApiException.badRequest("lease is not renewable");
            }
            long now = store.now();
            TokenTtl.Grant grant = ttls.calculate(now, increment, entry.ttl(), entry.period(),
                    entry.explicitMaxTtl(), entry.creationTime());
            TokenEntry renewed = entry.renewed(now, grant.ttl());
            if (store.replace(stored, renewed)) {
                return TokenView.authResponse(TokenView.auth(renewed, shownToken, grant.ttl()), grant.warnings());
            }
        }
        throw ApiException.internal("could not renew the token: it kept changing");
    }

    private ApiResponse revoke(String token) {
        if (token == null || token.isEmpty()) {
            throw ApiException.badRequest("missing token ID");
        }
        String hash = store.hashOf(token);
        if (store.read(hash).isPresent()) {
            store.revoker().revokeTree(hash);
        }
        return ApiResponse.noContent();
    }

    private ApiResponse revokeAccessor(Call call) {
        store.revoker().revokeTree(hashOfAccessor(call));
        return ApiResponse.noContent();
    }

    /** Sudo is checked here (400, not 403): the root-protected pattern only covers the token-in-URL form. */
    private ApiResponse revokeOrphan(Call call) {
        String token = tokenField(call);
        if (token.isEmpty()) {
            throw ApiException.badRequest("missing token ID");
        }
        if (!authorizer.sudo(call.token(), call.request().path())) {
            throw ApiException.badRequest("root or sudo privileges required to revoke and orphan");
        }
        TokenStore.Stored stored = store.live(token)
                .orElseThrow(() -> ApiException.badRequest("token to revoke not found"));
        store.revoker().revokeOrphan(stored.hash());
        return ApiResponse.noContent();
    }

    private ApiResponse accessors() {
        List<String> keys = store.accessors();
        if (keys.isEmpty()) {
            throw ApiException.notFound();
        }
        ObjectNode data = Json.object();
        keys.forEach(data.putArray("keys")::add);
        return ApiResponse.envelope(data).mountType(TokenView.MOUNT_TYPE).build();
    }

    private static String tokenField(Call call) {
        return WeakFields.text(call.request().data(), "token");
    }
}
