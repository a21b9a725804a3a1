package io.coffer.api.router;

import io.coffer.api.ApiResponse;

/** Serves a matched route. Runs on a worker thread; throws {@link io.coffer.api.ApiException} on failure. */
@FunctionalInterface
public interface RouteHandler {
    ApiResponse handle(Call call);
}
