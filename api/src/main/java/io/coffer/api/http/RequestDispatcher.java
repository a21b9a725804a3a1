package io.coffer.api.http;

import io.coffer.api.ApiException;
import io.coffer.api.ApiRequest;
import io.coffer.api.ApiResponse;
import io.coffer.api.Handler;
import io.coffer.api.Operation;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last handler of the pipeline: decodes the request on the event loop, runs the {@link Handler} on the worker
 * executor (handlers may block on storage), and writes the response back. Reading from the channel pauses
 * while a request is in flight, so responses on a keep-alive connection keep request order.
 */
final class RequestDispatcher extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);

    private final Handler handler;
    private final Executor workers;
    private final boolean ui;

    RequestDispatcher(Handler handler, Executor workers, boolean ui) {
        this.handler = handler;
        this.workers = workers;
        this.ui = ui;
    }

    /** Streamed uploads ({@link StreamingUploads}) arrive here past the aggregator, with their body to come. */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof StreamedRequest streamed) {
            try {
                serve(ctx, streamed.head(), streamed.body());
            } finally {
                streamed.head().release();
            }
            return;
        }
        super.channelRead(ctx, msg);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest msg) {
        serve(ctx, msg, null);
    }

    /** {@code body} is the streamed body of a {@link StreamedRequest}, else null (the body is in {@code msg}). */
    private void serve(ChannelHandlerContext ctx, FullHttpRequest msg, StreamedBody body) {
        boolean keepAlive = HttpUtil.isKeepAlive(msg) && body == null;
        ApiResponse early = NonApiPaths.answer(msg.uri(), ui);
        if (early != null) {
            closeBody(body);
            write(ctx, early, null, false, keepAlive);
            return;
        }
        ApiRequest request;
        try {
            request = RequestDecoder.decode(msg, remote(ctx), body);
        } catch (ApiException e) {
            closeBody(body);
            write(ctx, ErrorResponder.toResponse(e, null), null, false, keepAlive);
            return;
        }
        boolean keepAliveAfterBody = HttpUtil.isKeepAlive(msg);
        ctx.channel().config().setAutoRead(false);
        try {
            workers.execute(() -> {
                ApiResponse response = run(request);
                boolean head = request.operation() == Operation.HEAD;
                // A streamed body that was not read to its end leaves the connection unusable.
                boolean keep = body == null ? keepAlive : keepAliveAfterBody && body.fullyRead();
                closeBody(body);
                if (response.stream() != null && !head) {
                    stream(ctx, request.requestId(), response, keep);
                    return;
                }
                ctx.executor().execute(() -> {
                    write(ctx, response, request.requestId(), head, keep);
                    ctx.channel().config().setAutoRead(true);
                });
            });
        } catch (RejectedExecutionException e) {
            closeBody(body);
            ctx.channel().config().setAutoRead(true);
            write(ctx, ErrorResponder.toResponse(ApiException.of(503, "server is shutting down"), null), null,
                    false, false);
        }
    }

    /**
     * Sends a streamed response from this worker thread: the writer produces the body into chunks with
     * back-pressure. A writer failing before its first byte still gets a normal error response; later, the
     * connection is closed so the client sees a truncated body rather than a complete-looking one.
     */
    private static void stream(ChannelHandlerContext ctx, String requestId, ApiResponse response, boolean keepAlive) {
        HttpResponse head = ResponseEncoder.encodeHead(response);
        HttpUtil.setKeepAlive(head, keepAlive);
        ChunkedBodyOutput out = new ChunkedBodyOutput(ctx, head);
        try {
            response.stream().writeTo(out);
            out.finish();
            if (!keepAlive) {
                ctx.close();
            }
            ctx.executor().execute(() -> ctx.channel().config().setAutoRead(true));
        } catch (IOException | RuntimeException e) {
            if (out.headSent()) {
                LOG.warn("streamed response of request {} aborted: {}", requestId, e.toString());
                ctx.close();
                return;
            }
            ApiResponse error = ErrorResponder.toResponse(e, requestId);
            ctx.executor().execute(() -> {
                write(ctx, error, requestId, false, keepAlive);
                ctx.channel().config().setAutoRead(true);
            });
        }
    }

    private static void closeBody(StreamedBody body) {
        if (body != null) {
            body.close();
        }
    }

    private ApiResponse run(ApiRequest request) {
        try {
            return handler.handle(request);
        } catch (RuntimeException | Error e) {
            return ErrorResponder.toResponse(e, request.requestId());
        }
    }

    private static void write(ChannelHandlerContext ctx, ApiResponse response, String requestId, boolean head,
                              boolean keepAlive) {
        FullHttpResponse out = ResponseEncoder.encode(response, requestId, head, ctx.alloc());
        HttpUtil.setKeepAlive(out, keepAlive);
        var future = ctx.writeAndFlush(out);
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static String remote(ChannelHandlerContext ctx) {
        if (ctx.channel().remoteAddress() instanceof InetSocketAddress inet) {
            return inet.getAddress().getHostAddress();
        }
        return "";
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("closing connection after error: {}", cause.toString());
        ctx.close();
    }
}
