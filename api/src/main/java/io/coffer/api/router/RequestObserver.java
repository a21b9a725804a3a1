package io.coffer.api.router;

import io.coffer.api.ApiRequest;
import io.coffer.api.ApiResponse;
import io.coffer.api.auth.TokenEntry;

/**
 * Sees every routed request that passed the seal gate, before and after it is served (audit devices, metrics).
 * Called on the worker thread serving the request.
 */
public interface RequestObserver {

    /**
     * Before the request is served; {@code token} is null when the token was missing or invalid. Throwing
     * (e.g. 500 when no audit device can record the request) fails the request before anything is changed.
     */
    void beforeRequest(ApiRequest request, TokenEntry token);

    /** After the request was served (successfully or not); throwing replaces the response with the error. */
    void afterResponse(ApiRequest request, TokenEntry token, ApiResponse response, long elapsedNanos);
}
