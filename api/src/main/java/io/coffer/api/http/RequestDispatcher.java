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
import io.netty.handler.codec.http.HttpUtil;
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

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest msg) {
        boolean keepAlive = HttpUtil.isKeepAlive(msg);
        ApiResponse early = NonApiPaths.answer(msg.uri(), ui);
        if (early != null) {
            write(ctx, early, null, false, keepAlive);
            return;
        }
        ApiRequest request;
        try {
            request = RequestDecoder.decode(msg, remote(ctx));
        } catch (ApiException e) {
            write(ctx, ErrorResponder.toResponse(e, null), null, false, keepAlive);
            return;
        }
        ctx.channel().config().setAutoRead(false);
        try {
            workers.execute(() -> {
                ApiResponse response = run(request);
                ctx.executor().execute(() -> {
                    write(ctx, response, request.requestId(), request.operation() == Operation.HEAD, keepAlive);
                    ctx.channel().config().setAutoRead(true);
                });
            });
        } catch (RejectedExecutionException e) {
            ctx.channel().config().setAutoRead(true);
            write(ctx, ErrorResponder.toResponse(ApiException.of(503, "server is shutting down"), null), null,
                    false, false);
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
