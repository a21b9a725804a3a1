package io.coffer.api.http;

import io.coffer.api.ApiResponse;
import io.coffer.api.Handler;
import io.coffer.api.Json;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline reads as a sentence: TLS, HTTP codec, keep-alive, streamed uploads (snapshot restores skip the
 * body limit), body limit, dispatch.
 */
final class ApiChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final ApiServerOptions options;
    private final Handler handler;
    private final Executor workers;

    ApiChannelInitializer(ApiServerOptions options, Handler handler, Executor workers) {
        this.options = options;
        this.handler = handler;
        this.workers = workers;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        SslContext ssl = options.sslContext();
        if (ssl != null) {
            ch.pipeline().addLast("tls", ssl.newHandler(ch.alloc()));
        }
        ch.pipeline()
                .addLast("idle", new IdleStateHandler(0, 0, options.idleTimeoutSeconds(), TimeUnit.SECONDS))
                .addLast("idle-close", new IdleCloser())
                .addLast("http", new HttpServerCodec())
                .addLast("keep-alive", new HttpServerKeepAliveHandler())
                .addLast("streamed-uploads", new StreamingUploads(
                        TimeUnit.SECONDS.toMillis(Math.max(60, options.idleTimeoutSeconds()))))
                .addLast("body-limit", new LimitedAggregator(options.maxRequestSize()))
                .addLast("dispatch", new RequestDispatcher(handler, workers, options.ui()));
    }

    /** Vault answers an oversized body with 413 and its JSON error body. */
    private static final class LimitedAggregator extends HttpObjectAggregator {
        LimitedAggregator(int maxContentLength) {
            super(maxContentLength);
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            var body = Json.object();
            body.putArray("errors").add("http: request body too large");
            FullHttpResponse out = ResponseEncoder.encode(ApiResponse.raw(413, body), null, false, ctx.alloc());
            io.netty.handler.codec.http.HttpUtil.setKeepAlive(out, false);
            ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Closes connections idle longer than the listener's {@code http_idle_timeout}. */
    private static final class IdleCloser extends io.netty.channel.ChannelDuplexHandler {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof io.netty.handler.timeout.IdleStateEvent) {
                ctx.close();
            } else {
                super.userEventTriggered(ctx, evt);
            }
        }
    }
}
