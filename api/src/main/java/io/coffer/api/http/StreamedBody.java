package io.coffer.api.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A request body read as it arrives, for uploads too large to aggregate. The event loop {@link #offer offers} the
 * decoded chunks; the handler's worker thread reads them. The channel does not read on its own (auto-read is off):
 * a reader that runs out asks for exactly one more socket read, so at most about one read's worth of body is held
 * in memory. An {@code Expect: 100-continue} is answered on the first read, i.e. only once the handler decided to
 * take the body (after authentication).
 */
final class StreamedBody extends InputStream {

    private static final Object END = new Object();

    private final Channel channel;
    private final long timeoutMs;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private boolean expectContinue;
    private ByteBuf current;
    private boolean ended;
    private volatile boolean closed;

    StreamedBody(Channel channel, boolean expectContinue, long timeoutMs) {
        this.channel = channel;
        this.expectContinue = expectContinue;
        this.timeoutMs = timeoutMs;
    }

    /** Event loop: one decoded chunk (retained here, released by the reader or on close). */
    void offer(HttpContent content) {
        if (closed) {
            return;
        }
        queue.add(content.content().retain());
        if (content instanceof LastHttpContent) {
            queue.add(END);
        }
    }

    /** Event loop: the connection broke; a waiting reader gets an IOException. */
    void fail(Throwable cause) {
        if (!closed) {
            queue.add(cause);
        }
    }

    /** Whether the reader saw the end of the body (the connection may then serve another request). */
    boolean fullyRead() {
        return ended;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (current != null && current.isReadable()) {
                int n = Math.min(len, current.readableBytes());
                current.readBytes(b, off, n);
                return n;
            }
            if (current != null) {
                current.release();
                current = null;
            }
            if (ended || closed) {
                return -1;
            }
            Object next = take();
            if (next == END) {
                ended = true;
            } else if (next instanceof Throwable cause) {
                throw new IOException("the request body was not received completely", cause);
            } else {
                current = (ByteBuf) next;
            }
        }
    }

    private Object take() throws IOException {
        Object next = queue.poll();
        if (next != null) {
            return next;
        }
        if (expectContinue) {
            expectContinue = false;
            channel.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                    Unpooled.EMPTY_BUFFER));
        }
        channel.read();
        try {
            next = queue.poll(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the request body", e);
        }
        if (next == null) {
            throw new IOException("timed out waiting for the request body");
        }
        return next;
    }

    /** Releases what was not read; later chunks are dropped. Called by the reader's side when done. */
    @Override
    public void close() {
        closed = true;
        if (current != null) {
            current.release();
            current = null;
        }
        channel.eventLoop().execute(this::drain);
    }

    private void drain() {
        for (Object o = queue.poll(); o != null; o = queue.poll()) {
            if (o instanceof ByteBuf buf) {
                buf.release();
            }
        }
    }
}
