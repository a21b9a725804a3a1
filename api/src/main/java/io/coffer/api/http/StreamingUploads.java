package io.coffer.api.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Sits before the body aggregator and takes the requests whose bodies must not be held in memory: PUT/POST of a
 * snapshot restore ({@code sys/storage/raft/snapshot} and {@code snapshot-force}). Vault reads those bodies
 * from the unlimited original request body, so {@code max_request_size} does not apply to them either. Such a
 * request goes on as a {@link StreamedRequest} at once; its body chunks feed the {@link StreamedBody}. Every
 * other message passes through untouched. Event loop only.
 */
final class StreamingUploads extends ChannelInboundHandlerAdapter {

    static final Set<String> STREAMED_PATHS = Set.of(RequestDecoder.PREFIX + "sys/storage/raft/snapshot",
            RequestDecoder.PREFIX + "sys/storage/raft/snapshot-force");

    private final long readTimeoutMs;
    private StreamedBody current;

    StreamingUploads(long readTimeoutMs) {
        this.readTimeoutMs = readTimeoutMs;
    }

    /** Whether {@code request}'s body is streamed. */
    static boolean streams(HttpRequest request) {
        if (request instanceof FullHttpRequest || request.decoderResult().isFailure()
                || !(HttpMethod.POST.equals(request.method()) || HttpMethod.PUT.equals(request.method()))) {
            return false;
        }
        return STREAMED_PATHS.contains(new QueryStringDecoder(request.uri(), StandardCharsets.UTF_8).path());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && streams(request)) {
            ctx.channel().config().setAutoRead(false);
            current = new StreamedBody(ctx.channel(), HttpUtil.is100ContinueExpected(request), readTimeoutMs);
            FullHttpRequest head = new DefaultFullHttpRequest(request.protocolVersion(), request.method(),
                    request.uri(), Unpooled.EMPTY_BUFFER, request.headers(), EmptyHttpHeaders.INSTANCE);
            ctx.fireChannelRead(new StreamedRequest(head, current));
            return;
        }
        if (msg instanceof HttpContent content && current != null) {
            try {
                current.offer(content);
            } finally {
                content.release();
            }
            if (content instanceof LastHttpContent) {
                current = null;
            }
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        failCurrent(new IOException("connection closed by the client"));
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
        failCurrent(cause);
        super.exceptionCaught(ctx, cause);
    }

    private void failCurrent(Throwable cause) {
        if (current != null) {
            current.fail(cause);
            current = null;
        }
    }
}
