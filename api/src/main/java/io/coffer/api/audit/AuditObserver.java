package io.coffer.api.audit;

import io.coffer.api.ApiException;
import io.coffer.api.ApiRequest;
import io.coffer.api.ApiResponse;
import io.coffer.api.auth.TokenEntry;
import io.coffer.api.router.RequestObserver;

/**
 * Audits every routed request: a request record before it is served and a response record after
 * (vault-api.md §8.3). Fail-closed (§8.4): when devices are enabled and none recorded the request, the request
 * fails with 500 {@code internal error} before anything is executed; the same for the response. A request that is
 * denied anyway keeps its 403 when auditing fails (a missing or unknown token is denied by the router).
 */
public final class AuditObserver implements RequestObserver {

    private static final ApiException FAILED = ApiException.of(500, "internal error");

    private final AuditBroker broker;
    private final RecordBuilder records;

    AuditObserver(AuditBroker broker, RecordBuilder records) {
        this.broker = broker;
        this.records = records;
    }

    @Override
    public void beforeRequest(ApiRequest request, TokenEntry token) {
        boolean logged = broker.log(() -> records.request(request, token), "request");
        if (!logged && token != null) {
            throw FAILED;
        }
    }

    @Override
    public void afterResponse(ApiRequest request, TokenEntry token, ApiResponse response, long elapsedNanos) {
        boolean logged = broker.log(() -> records.response(request, token, response), "response");
        if (!logged && response.status() != 403) {
            throw FAILED;
        }
    }
}
