package io.coffer.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * A parsed API request as handlers see it: never a Netty object.
 *
 * @param method     the HTTP method, upper case ("GET", "LIST", ...)
 * @param operation  the logical operation derived from method and {@code ?list}
 * @param path       the request path after {@code /v1/} (no leading slash; a list path ends with '/')
 * @param query      query parameters (first value wins, {@code list} removed)
 * @param headers    request headers, names lower case
 * @param body       the raw body (possibly empty)
 * @param token      the client token from {@code X-Vault-Token} or {@code Authorization: Bearer}, or null
 * @param remoteAddress the client's IP address
 * @param requestId  a fresh UUID, echoed as {@code request_id}
 * @param bodyStream the body as a stream instead of {@code body} (then empty), or null: the HTTP layer streams
 *                   only snapshot restores, which may exceed {@code max_request_size}. Reading it pulls the body
 *                   from the client (with back-pressure); a handler that answers without reading it all makes the
 *                   server close the connection after the response.
 */
public record ApiRequest(String method, Operation operation, String path, Map<String, String> query,
                         Map<String, String> headers, byte[] body, String token, String remoteAddress,
                         String requestId, InputStream bodyStream) {

    /** A request whose body is in {@code body}. */
    public ApiRequest(String method, Operation operation, String path, Map<String, String> query,
                      Map<String, String> headers, byte[] body, String token, String remoteAddress,
                      String requestId) {
        this(method, operation, path, query, headers, body, token, remoteAddress, requestId, null);
    }

    /** The body as a JSON object; an empty body is an empty object. 400 {@code error parsing JSON} otherwise. */
    public ObjectNode jsonBody() {
        if (body.length == 0) {
            return Json.object();
        }
        try {
            JsonNode node = Json.parse(body);
            if (node == null || node.isNull()) {
                return Json.object();
            }
            if (!node.isObject()) {
                throw ApiException.badRequest("error parsing JSON");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw ApiException.badRequest("error parsing JSON");
        }
    }

    /** Body fields merged over query parameters, as Vault's field framework sees request data. */
    public ObjectNode data() {
        ObjectNode data = Json.object();
        query.forEach(data::put);
        data.setAll(jsonBody());
        return data;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** The same request on another path (mount-relative routing). */
    public ApiRequest withPath(String newPath) {
        return new ApiRequest(method, operation, newPath, query, headers, body, token, remoteAddress, requestId,
                bodyStream);
    }

    public boolean isWrite() {
        return List.of(Operation.CREATE, Operation.UPDATE, Operation.PATCH, Operation.DELETE).contains(operation);
    }
}
