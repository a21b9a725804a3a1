package io.coffer.api;

/**
 * Serves one request. Called on a worker thread (never a Netty event loop), so it may block on storage
 * futures with a bounded wait. Signals failures by throwing {@link ApiException}.
 */
@FunctionalInterface
public interface Handler {
    ApiResponse handle(ApiRequest request);
}
