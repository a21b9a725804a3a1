package io.coffer.api.metrics;

import io.coffer.api.ApiRequest;
import io.coffer.api.ApiResponse;
import io.coffer.api.auth.TokenEntry;
import io.coffer.api.router.RequestObserver;

/**
 * Times every routed request as Vault's core does: {@code vault.core.handle_login_request} for logins
 * ({@code auth/<mount>/login...}), {@code vault.core.handle_request} for everything else, in milliseconds.
 */
final class RequestTimer implements RequestObserver {

    private final MetricSink sink;
    private final Runnable onRequest;

    /** {@code onRequest} runs before each request (cheap bookkeeping such as attaching to new storage). */
    RequestTimer(MetricSink sink, Runnable onRequest) {
        this.sink = sink;
        this.onRequest = onRequest;
    }

    @Override
    public void beforeRequest(ApiRequest request, TokenEntry token) {
        onRequest.run();
    }

    @Override
    public void afterResponse(ApiRequest request, TokenEntry token, ApiResponse response, long elapsedNanos) {
        String path = request.path();
        boolean login = path.startsWith("auth/") && (path.endsWith("/login") || path.contains("/login/"));
        sink.addSample(login ? "core.handle_login_request" : "core.handle_request", elapsedNanos / 1e6);
    }
}
