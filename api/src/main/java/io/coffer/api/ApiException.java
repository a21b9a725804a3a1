package io.coffer.api;

import java.util.List;

/**
 * The one error type of the API. It carries the HTTP status and the messages that go into Vault's
 * {@code {"errors":[...]}} body; {@link io.coffer.api.http.ErrorResponder} is the only place that turns it
 * into bytes. Messages are client-facing: never put secrets, tokens or stack traces in them.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final List<String> errors;
    private final transient ApiResponse response;

    private ApiException(int status, List<String> errors, ApiResponse response) {
        super(status + " " + String.join("; ", errors), null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.response = response;
    }

    public static ApiException of(int status, String... errors) {
        return new ApiException(status, List.of(errors), null);
    }

    /** An error whose body is a full response (Vault's 404-with-data for deleted KV versions, raw 429s). */
    public static ApiException withResponse(ApiResponse response) {
        return new ApiException(response.status(), List.of(), response);
    }

    public static ApiException badRequest(String message) {
        return of(400, message);
    }

    /** 403 {@code permission denied}: missing, invalid or expired token, or an ACL refusal. */
    public static ApiException permissionDenied() {
        return of(403, "permission denied");
    }

    /** 404 with an empty error list: "nothing there". */
    public static ApiException notFound() {
        return of(404);
    }

    public static ApiException methodNotAllowed() {
        return of(405);
    }

    public static ApiException unsupportedOperation() {
        return of(405, "unsupported operation");
    }

    /** 503 {@code Vault is sealed}; the CLI matches on this exact text. */
    public static ApiException sealed() {
        return of(503, "Vault is sealed");
    }

    public static ApiException internal(String message) {
        return of(500, message);
    }

    public int status() {
        return status;
    }

    public List<String> errors() {
        return errors;
    }

    /** The full response to send instead of an error body, or null. */
    public ApiResponse response() {
        return response;
    }
}
