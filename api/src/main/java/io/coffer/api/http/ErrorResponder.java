package io.coffer.api.http;

import io.coffer.api.ApiException;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns failures into Vault's error body {@code {"errors":[...]}}. Foreign exceptions
 * become a generic 500 whose details go only to the log.
 */
public final class ErrorResponder {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponder.class);

    private ErrorResponder() {
    }

    public static ApiResponse toResponse(Throwable failure, String requestId) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ApiException api) {
            if (api.response() != null) {
                return api.response();
            }
            var body = Json.object();
            var errors = body.putArray("errors");
            api.errors().forEach(errors::add);
            return ApiResponse.raw(api.status(), body);
        }
        LOG.error("request {} failed with an internal error", requestId, cause);
        var body = Json.object();
        body.putArray("errors").add("internal error");
        return ApiResponse.raw(500, body);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof java.util.concurrent.CompletionException
                || current instanceof java.util.concurrent.ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
