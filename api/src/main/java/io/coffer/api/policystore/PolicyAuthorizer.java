package io.coffer.api.policystore;

import io.coffer.api.ApiException;
import io.coffer.api.ApiRequest;
import io.coffer.api.Operation;
import io.coffer.api.auth.Authorizer;
import io.coffer.api.auth.TokenEntry;
import io.coffer.api.policy.Acl;
import io.coffer.api.policy.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vault's ACL check of a request: the {@link Acl} of the token's policies ({@link PolicyStore} caches it per
 * policy revision), with the request's data for parameter constraints, {@code create} instead of {@code update}
 * for a write to an item that does not exist ({@link ExistenceCheck}), and {@code sudo} required on
 * {@link RootPaths root-protected paths}. Deny by default; the root policy allows everything. Thread-safe.
 */
public final class PolicyAuthorizer implements Authorizer {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyAuthorizer.class);

    private final PolicyStore policies;
    private final ExistenceCheck existence;

    public PolicyAuthorizer(PolicyStore policies, ExistenceCheck existence) {
        this.policies = policies;
        this.existence = existence;
    }

    @Override
    public boolean allowed(TokenEntry token, String path, Operation operation) {
        return token != null && decide(token, path, operation, null);
    }

    @Override
    public void authorize(ApiRequest request, TokenEntry token) {
        if (token == null) {
            throw ApiException.permissionDenied();
        }
        if (token.isRoot()) {
            return;
        }
        Operation operation = effectiveOperation(request);
        if (!decide(token, request.path(), operation, new RequestData(request))) {
            throw ApiException.permissionDenied();
        }
    }

    @Override
    public boolean hasAnyCapabilityUnder(TokenEntry token, String prefix) {
        return token != null && policies.acl(token.policies()).hasAnyCapabilityUnder(prefix);
    }

    @Override
    public boolean sudo(TokenEntry token, String path) {
        return token != null && policies.acl(token.policies()).sudo(path);
    }

    @Override
    public List<String> capabilities(TokenEntry token, String path) {
        if (token == null) {
            return List.of("deny");
        }
        List<String> sorted = new ArrayList<>(policies.acl(token.policies()).capabilities(path));
        sorted.sort(null);
        return sorted;
    }

    /** PUT/POST on a path with an existence check is {@code create} when the item is absent. */
    private Operation effectiveOperation(ApiRequest request) {
        Operation operation = request.operation();
        if (operation != Operation.UPDATE && operation != Operation.CREATE) {
            return operation;
        }
        Optional<Boolean> exists = existence.exists(request.path());
        return exists.isPresent() && !exists.get() ? Operation.CREATE : Operation.UPDATE;
    }

    private boolean decide(TokenEntry token, String path, Operation operation, Map<String, ?> data) {
        Acl acl = policies.acl(token.policies());
        if (acl.isRoot()) {
            return true;
        }
        Decision decision = acl.allowed(path, operation, data);
        if (!decision.allowed()) {
            LOG.debug("denied {} {}: {}", operation, path, decision.reason());
            return false;
        }
        if (RootPaths.isProtected(path) && !decision.sudo()) {
            LOG.debug("denied {} {}: root-protected path without sudo", operation, path);
            return false;
        }
        return true;
    }
}
