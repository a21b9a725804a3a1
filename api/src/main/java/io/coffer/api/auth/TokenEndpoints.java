package io.coffer.api.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.ApiResponse;
import io.coffer.api.Operation;
import io.coffer.api.router.Call;
import io.coffer.api.router.Routes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code auth/token/*} endpoints (vault-api.md §6): creation and lookups here, renewal and revocation in
 * {@link TokenLifecycleEndpoints}. Every route is authenticated and ACL-checked by the router first.
 */
public final class TokenEndpoints {

    private final TokenStore store;
    private final Authorizer authorizer;
    private final Predicate<String> policyExists;
    private final TokenTtl ttls;
    private final TokenLifecycleEndpoints lifecycle;

    /**
     * @param policyExists whether an ACL policy of that name exists (creation warns about missing ones)
     * @param defaultTtl   the system {@code default_lease_ttl}
     * @param maxTtl       the system {@code max_lease_ttl}
     */
    public TokenEndpoints(TokenStore store, Authorizer authorizer, Predicate<String> policyExists,
                          Duration defaultTtl, Duration maxTtl) {
        this.store = store;
        this.authorizer = authorizer;
        this.policyExists = policyExists;
        this.ttls = new TokenTtl(defaultTtl.toSeconds(), maxTtl.toSeconds());
        this.lifecycle = new TokenLifecycleEndpoints(store, authorizer, ttls);
    }

    public void register(Routes routes) {
        routes.onWrite("auth/token/create", c -> create(c, false));
        routes.onWrite("auth/token/create-orphan", c -> create(c, true));
        routes.on("auth/token/lookup-self", this::lookupSelf, Operation.READ, Operation.UPDATE, Operation.CREATE);
        routes.on("auth/token/lookup-accessor", this::lookupAccessor, Operation.UPDATE, Operation.CREATE);
        routes.on("auth/token/lookup", this::lookup, Operation.READ, Operation.UPDATE, Operation.CREATE);
        lifecycle.register(routes);
    }

    private ApiResponse create(Call call, boolean orphanPath) {
        ObjectNode data = call.request().jsonBody();
        String path = call.request().path();
        for (int attempt = 0; attempt < TokenStore.MAX_ATTEMPTS; attempt++) {
            TokenStore.Stored parent = store.live(call.request().token()).orElseThrow(
                    () -> ApiException.badRequest("parent token lookup failed: no parent found"));
            boolean sudo = authorizer.sudo(parent.entry(), path);
            TokenCreation.Plan plan = TokenCreation.plan(parent.entry(), data, sudo, orphanPath, path,
                    store.instant(), ttls);
            String token = plan.customId() != null ? plan.customId() : TokenIds.newToken();
            String hash = store.hashOf(token);
            TokenEntry entry = plan.orphan() ? plan.entry() : plan.entry().withParent(parent.hash());
            if (store.create(hash, entry, plan.orphan() ? null : parent)) {
                List<String> warnings = new ArrayList<>(plan.warnings());
                for (String policy : entry.policies()) {
                    if (!policyExists.test(policy)) {
                        warnings.add("Policy \"" + policy + "\" does not exist");
                    }
                }
                return TokenView.authResponse(TokenView.auth(entry, token, entry.ttl()), warnings);
            }
            if (plan.customId() != null && store.read(hash).isPresent()) {
                throw ApiException.badRequest("cannot create a token with a duplicate ID");
            }
        }
        throw ApiException.internal("could not create the token: its parent kept changing");
    }

    private ApiResponse lookupSelf(Call call) {
        return lookupResponse(call.token(), call.request().token());
    }

    private ApiResponse lookup(Call call) {
        String token = WeakFields.text(call.request().data(), "token");
        if (token.isEmpty()) {
            return lookupSelf(call);
        }
        TokenEntry entry = store.lookup(token).orElseThrow(() -> ApiException.of(403, "bad token"));
        return lookupResponse(entry, token);
    }

    private ApiResponse lookupAccessor(Call call) {
        String hash = lifecycle.hashOfAccessor(call);
        TokenEntry entry = store.liveByHash(hash).map(TokenStore.Stored::entry)
                .orElseThrow(() -> ApiException.badRequest("invalid accessor"));
        return lookupResponse(entry, "");
    }

    private ApiResponse lookupResponse(TokenEntry entry, String id) {
        return ApiResponse.envelope(TokenView.lookup(entry, id, store.now())).mountType(TokenView.MOUNT_TYPE)
                .build();
    }
}
