package io.coffer.api.http;

import io.coffer.api.ApiException;
import io.coffer.api.ApiRequest;
import io.coffer.api.Operation;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Turns a Netty request into an {@link ApiRequest} (vault-api.md §1.1–1.3). Pure; copies the body. */
public final class RequestDecoder {

    static final String PREFIX = "/v1/";

    private RequestDecoder() {
    }

    /** Decodes {@code request}; throws {@link ApiException} for requests Vault rejects before routing. */
    public static ApiRequest decode(FullHttpRequest request, String remoteAddress) {
        return decode(request, remoteAddress, null);
    }

    /** Decodes a request whose body, when {@code bodyStream} is not null, is read from that stream. */
    static ApiRequest decode(FullHttpRequest request, String remoteAddress, InputStream bodyStream) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri(), StandardCharsets.UTF_8);
        String rawPath = uri.path();
        if (!rawPath.startsWith(PREFIX)) {
            throw ApiException.notFound();
        }
        String path = rawPath.substring(PREFIX.length());
        Map<String, String> query = new LinkedHashMap<>();
        uri.parameters().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
        String method = request.method().name().toUpperCase(Locale.ROOT);
        Operation op = operation(method, query, headers);
        if (op == Operation.LIST && !path.endsWith("/")) {
            path = path + "/";
        }
        byte[] body = ByteBufUtil.getBytes(request.content());
        return new ApiRequest(method, op, path, query, headers, body, token(headers), remoteAddress,
                UUID.randomUUID().toString(), bodyStream);
    }

    static Operation operation(String method, Map<String, String> query, Map<String, String> headers) {
        switch (method) {
            case "GET":
                String list = query.remove("list");
                return list != null && GoBool.parse(list, "list") ? Operation.LIST : Operation.READ;
            case "LIST":
                query.remove("list");
                return Operation.LIST;
            case "PUT":
            case "POST":
                return Operation.UPDATE;
            case "PATCH":
                String type = headers.getOrDefault("content-type", "");
                if (!type.toLowerCase(Locale.ROOT).startsWith("application/merge-patch+json")) {
                    throw ApiException.of(415, "PATCH requires Content-Type of application/merge-patch+json, "
                            + "provided " + type);
                }
                return Operation.PATCH;
            case "DELETE":
                return Operation.DELETE;
            case "HEAD":
                return Operation.HEAD;
            default:
                throw ApiException.methodNotAllowed();
        }
    }

    static String token(Map<String, String> headers) {
        String token = headers.get("x-vault-token");
        if (token != null && !token.isEmpty()) {
            return token;
        }
        String auth = headers.get("authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String bearer = auth.substring(7).trim();
            return bearer.isEmpty() ? null : bearer;
        }
        return null;
    }
}
