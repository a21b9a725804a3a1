package io.coffer.api.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/** Writes an {@link ApiResponse} as a Netty response with Vault's headers (vault-api.md §1.3, §1.4). */
public final class ResponseEncoder {

    private ResponseEncoder() {
    }

    /**
     * Encodes {@code response}; {@code requestId} fills an envelope's {@code request_id}; {@code head} drops the
     * body but keeps the status.
     */
    public static FullHttpResponse encode(ApiResponse response, String requestId, boolean head,
                                          ByteBufAllocator alloc) {
        byte[] body = new byte[0];
        String contentType = "application/json";
        if (response.json() != null) {
            if (response.json() instanceof ObjectNode object && object.has("request_id") && requestId != null) {
                object.put("request_id", requestId);
            }
            byte[] json = Json.bytes(response.json());
            body = new byte[json.length + 1];
            System.arraycopy(json, 0, body, 0, json.length);
            body[json.length] = '\n';
        } else if (response.raw() != null) {
            body = response.raw();
            contentType = response.contentType();
        }
        ByteBuf content = head || body.length == 0 ? alloc.buffer(0) : alloc.buffer(body.length).writeBytes(body);
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), content);
        out.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        out.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        response.headers().forEach((k, v) -> out.headers().set(k, v));
        if (head) {
            out.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        } else {
            out.headers().set(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        }
        if (response.status() == 204) {
            out.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
        }
        return out;
    }

    /**
     * The head of a streamed response ({@link ApiResponse#stream()}): status, Vault's headers, chunked transfer
     * encoding; the body follows as HTTP chunks.
     */
    static HttpResponse encodeHead(ApiResponse response) {
        HttpResponse out = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(response.status()));
        out.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        out.headers().set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
        response.headers().forEach((k, v) -> out.headers().set(k, v));
        HttpUtil.setTransferEncodingChunked(out, true);
        return out;
    }

    static boolean isKeepAliveValue(CharSequence value) {
        return HttpHeaderValues.KEEP_ALIVE.contentEqualsIgnoreCase(value);
    }
}
