package io.coffer.api.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

/**
 * The body of a streamed response as an OutputStream, written by a worker thread: 64 KiB chunks, with the
 * response head sent just before the first one. Back-pressure: a chunk is written only once the previous one
 * reached the socket, so at most two chunks are in memory however large the body. A client that stops reading
 * is cut off by the listener's idle timeout, which fails the pending write and so the writer.
 */
final class ChunkedBodyOutput extends OutputStream {

    private static final int CHUNK = 64 << 10;
    private static final long WRITE_WAIT_MINUTES = 10;

    private final ChannelHandlerContext ctx;
    private final HttpResponse head;
    private final byte[] buffer = new byte[CHUNK];
    private int count;
    private boolean headSent;
    private ChannelFuture previous;

    ChunkedBodyOutput(ChannelHandlerContext ctx, HttpResponse head) {
        this.ctx = ctx;
        this.head = head;
    }

    /** Whether the status and headers went out (after that, a failure can only abort the connection). */
    boolean headSent() {
        return headSent;
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buffer.length) {
            sendChunk();
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (count == buffer.length) {
                sendChunk();
            }
            int n = Math.min(len, buffer.length - count);
            System.arraycopy(b, off, buffer, count, n);
            count += n;
            off += n;
            len -= n;
        }
    }

    /** Sends what is buffered, then the end of the body, and waits until it is written. */
    void finish() throws IOException {
        sendChunk();
        sendHead();
        awaitPrevious();
        previous = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        awaitPrevious();
    }

    private void sendChunk() throws IOException {
        if (count == 0) {
            return;
        }
        sendHead();
        awaitPrevious();
        ByteBuf data = ctx.alloc().buffer(count).writeBytes(buffer, 0, count);
        count = 0;
        previous = ctx.writeAndFlush(new DefaultHttpContent(data));
    }

    private void sendHead() {
        if (!headSent) {
            headSent = true;
            previous = ctx.writeAndFlush(head);
        }
    }

    private void awaitPrevious() throws IOException {
        if (previous == null) {
            return;
        }
        try {
            if (!previous.await(WRITE_WAIT_MINUTES, TimeUnit.MINUTES)) {
                throw new IOException("the client did not read the response");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending the response", e);
        }
        if (!previous.isSuccess()) {
            throw new IOException("the response could not be sent", previous.cause());
        }
    }
}
