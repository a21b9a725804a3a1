package io.coffer.api.http;

import io.coffer.api.Handler;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Netty HTTP/1.1 listener serving the Vault API. Event loops only decode and encode; handlers run on a
 * bounded worker pool. {@link #close()} stops accepting, then drains.
 */
public final class ApiServer implements AutoCloseable {

    private static final int WORKER_THREADS = 256;

    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup loops = new NioEventLoopGroup();
    private final ExecutorService workers;
    private final Channel channel;

    private ApiServer(ApiServerOptions options, Handler handler) throws InterruptedException {
        AtomicInteger counter = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(WORKER_THREADS, r -> {
            Thread t = new Thread(r, "api-worker-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, loops)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ApiChannelInitializer(options, handler, workers));
        this.channel = bootstrap.bind(options.host(), options.port()).sync().channel();
    }

    /** Binds and starts serving; throws when the address cannot be bound. */
    public static ApiServer start(ApiServerOptions options, Handler handler) {
        try {
            return new ApiServer(options, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding " + options.host() + ":" + options.port());
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        workers.shutdown();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
