package io.coffer.api.router;

import io.coffer.api.ApiRequest;
import io.coffer.api.auth.TokenEntry;

/**
 * One routed request.
 *
 * @param request the request
 * @param param   the part of the path captured by the route's wildcard, or ""
 * @param token   the caller's token entry; null on unauthenticated routes
 */
public record Call(ApiRequest request, String param, TokenEntry token) {
}
