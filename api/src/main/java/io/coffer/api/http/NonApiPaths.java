package io.coffer.api.http;

import io.coffer.api.ApiResponse;
import java.nio.charset.StandardCharsets;

/** Paths outside {@code /v1/} that Vault answers: {@code /} → {@code /ui/}, the UI, robots.txt. */
final class NonApiPaths {

    private static final byte[] UI_PAGE = ("<!doctype html><html><head><title>Coffer</title></head><body>"
            + "<h1>Coffer</h1><p>This node speaks the Vault HTTP API under <code>/v1/</code>. "
            + "Use the <code>vault</code> or <code>coffer</code> command line.</p></body></html>\n")
            .getBytes(StandardCharsets.UTF_8);

    private NonApiPaths() {
    }

    /** The answer for a non-API path, or null when the request belongs to the API. */
    static ApiResponse answer(String uri, boolean ui) {
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        if (path.startsWith(RequestDecoder.PREFIX)) {
            return null;
        }
        if (path.equals("/robots.txt")) {
            return ApiResponse.bytes(200, "User-agent: *\nDisallow: /\n".getBytes(StandardCharsets.UTF_8),
                    "text/plain; charset=utf-8");
        }
        if (ui && path.equals("/")) {
            return ApiResponse.redirect("/ui/");
        }
        if (ui && (path.equals("/ui") || path.startsWith("/ui/"))) {
            return ApiResponse.bytes(200, UI_PAGE, "text/html; charset=utf-8");
        }
        return null;
    }
}
