package io.coffer.api.router;

import io.coffer.api.ApiException;
import io.coffer.api.ApiRequest;
import io.coffer.api.ApiResponse;
import io.coffer.api.Handler;
import io.coffer.api.Operation;
import io.coffer.api.auth.Authorizer;
import io.coffer.api.auth.TokenEntry;
import io.coffer.api.auth.TokenStore;
import io.coffer.api.http.ErrorResponder;
import io.coffer.api.core.SealManager;
import io.coffer.api.mount.Backend;
import io.coffer.api.mount.MountEntry;
import io.coffer.api.mount.MountTable;
import io.coffer.storage.Storage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Routes every API request (vault-api.md §1.1): unauthenticated system paths first (they work while sealed),
 * then the seal gate, authentication, the ACL check, system and token routes, and finally the mount table by
 * longest prefix. Reads wait for the linearizable read point first.
 */
public final class ApiRouter implements Handler {

    private static final long READ_BARRIER_SECONDS = 10;

    private final Routes open;
    private final Routes authenticated;
    private final MountTable mounts;
    private final Map<String, Backend> backends;
    private final SealManager seal;
    private final TokenStore tokens;
    private final Authorizer authorizer;
    private final Supplier<Storage> storage;
    private final List<RequestObserver> observers = new CopyOnWriteArrayList<>();

    /** {@code backends} maps a mount type ({@code kv}) to its engine. */
    public ApiRouter(Routes open, Routes authenticated, MountTable mounts, Map<String, Backend> backends,
                     SealManager seal, TokenStore tokens, Authorizer authorizer, Supplier<Storage> storage) {
        this.open = open;
        this.authenticated = authenticated;
        this.mounts = mounts;
        this.backends = Map.copyOf(backends);
        this.seal = seal;
        this.tokens = tokens;
        this.authorizer = authorizer;
        this.storage = storage;
    }

    /** Adds an observer (audit, metrics) of every request past the seal gate. */
    public void addObserver(RequestObserver observer) {
        observers.add(observer);
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        if (request.isWrite() && request.operation() != Operation.DELETE && request.path().endsWith("/")) {
            throw ApiException.badRequest("cannot write to a path ending in '/'");
        }
        Optional<ApiResponse> unauthenticated = open.dispatch(request, null);
        if (unauthenticated.isPresent()) {
            return unauthenticated.get();
        }
        if (seal.sealed()) {
            throw ApiException.sealed();
        }
        long start = System.nanoTime();
        TokenEntry token = authenticate(request);
        for (RequestObserver observer : observers) {
            observer.beforeRequest(request, token);
        }
        ApiResponse response;
        try {
            response = serve(request, token);
        } catch (RuntimeException e) {
            response = ErrorResponder.toResponse(e, request.requestId());
        }
        tokens.afterRequest(request.token(), token);
        long elapsed = System.nanoTime() - start;
        for (RequestObserver observer : observers) {
            observer.afterResponse(request, token, response, elapsed);
        }
        return response;
    }

    private ApiResponse serve(ApiRequest request, TokenEntry token) {
        if (token == null) {
            throw ApiException.permissionDenied();
        }
        if (!request.path().startsWith("sys/internal/ui/mounts")) {
            authorizer.authorize(request, token);
        }
        if (!request.isWrite()) {
            awaitReadPoint();
        }
        Optional<ApiResponse> system = authenticated.dispatch(request, token);
        if (system.isPresent()) {
            return system.get();
        }
        return toMount(request);
    }

    /**
     * The caller's live token after spending one use (Vault decrements even for requests the ACL then refuses).
     * A token unknown here may have been created through another node a moment ago: wait for the read point once.
     */
    private TokenEntry authenticate(ApiRequest request) {
        if (request.token() == null || request.token().isEmpty()) {
            return null;
        }
        Optional<TokenEntry> token = tokens.use(request.token());
        if (token.isEmpty()) {
            awaitReadPoint();
            token = tokens.use(request.token());
        }
        return token.orElse(null);
    }

    private ApiResponse toMount(ApiRequest request) {
        Optional<MountEntry> mount = mounts.match(request.path());
        Backend backend = mount.map(m -> backends.get(m.type())).orElse(null);
        if (backend == null) {
            throw ApiException.of(404, "no handler for route \"" + request.path() + "\". route entry not found.");
        }
        String relative = request.path().length() >= mount.get().path().length()
                ? request.path().substring(mount.get().path().length()) : "";
        return backend.handle(request.withPath(relative), mount.get());
    }

    private void awaitReadPoint() {
        try {
            storage.get().readBarrier().get(READ_BARRIER_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.internal("interrupted while waiting for a consistent read");
        } catch (ExecutionException | TimeoutException e) {
            throw ApiException.of(503, "no consistent read possible: the cluster has no leader right now");
        }
    }
}
