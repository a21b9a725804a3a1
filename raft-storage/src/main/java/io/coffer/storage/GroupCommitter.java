package io.coffer.storage;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batches the transactions submitted concurrently on this node into Raft entries. One flusher thread takes the
 * queue head, waits for a free in-flight slot (at most {@code maxInFlight} entries outstanding), lingers if asked,
 * then drains up to {@code maxTxns} / {@code maxBytes} into one entry. Under load the queue fills while earlier
 * entries are in flight, so entries grow with concurrency; when idle each transaction goes alone, at once.
 *
 * <p>A transaction's future completes after the leader's reply arrived <em>and</em> this node applied the entry,
 * on the callback executor. Thread-safe.
 */
final class GroupCommitter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

    private record Pending(byte[] encoded, CompletableFuture<TxnResult> future) {
    }

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Function<Message, CompletableFuture<RaftClientReply>> sender;
    private final LongFunction<CompletableFuture<Void>> whenApplied;
    private final Executor callbacks;
    private final Semaphore inFlight;
    private final int maxTxns;
    private final int maxBytes;
    private final long lingerNanos;
    private final long replyTimeoutMs;
    private final Thread flusher;
    private final AtomicLong entriesSent = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param sender      sends one entry through the Raft client (to the leader)
     * @param whenApplied completes once this node applied a log index
     * @param callbacks   where transaction futures are completed
     */
    GroupCommitter(String name, Function<Message, CompletableFuture<RaftClientReply>> sender,
                   LongFunction<CompletableFuture<Void>> whenApplied, Executor callbacks, RaftNodeConfig cfg) {
        this.sender = sender;
        this.whenApplied = whenApplied;
        this.callbacks = callbacks;
        this.inFlight = new Semaphore(cfg.maxInFlightBatches());
        this.maxTxns = cfg.maxBatchTxns();
        this.maxBytes = cfg.maxBatchBytes();
        this.lingerNanos = cfg.groupCommitLinger().toNanos();
        this.replyTimeoutMs = 2 * cfg.requestTimeout().toMillis();
        this.flusher = new Thread(this::run, name + "-group-commit");
        flusher.setDaemon(true);
        flusher.start();
    }

    /** Queues {@code txn}; the future fails with IllegalArgumentException at once when its shape is invalid. */
    CompletableFuture<TxnResult> submit(Txn txn) {
        CompletableFuture<TxnResult> future = new CompletableFuture<>();
        byte[] encoded;
        try {
            encoded = TxnCodec.encodeTxn(txn);
        } catch (IllegalArgumentException e) {
            future.completeExceptionally(e);
            return future;
        }
        queue.add(new Pending(encoded, future));
        if (closed) {
            failQueued();
        }
        return future;
    }

    /** Raft entries sent so far (for tests and metrics). */
    long entriesSent() {
        return entriesSent.get();
    }

    private void run() {
        while (!closed) {
            Pending first = null;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null || first.future().isDone()) {
                    continue;
                }
                inFlight.acquire();
                if (lingerNanos > 0 && queue.size() < maxTxns - 1) {
                    TimeUnit.NANOSECONDS.sleep(lingerNanos);
                }
                List<Pending> batch = drainAfter(first);
                if (batch.isEmpty()) {
                    inFlight.release();
                } else {
                    send(batch);
                }
            } catch (InterruptedException e) {
                if (first != null) {
                    first.future().completeExceptionally(new StorageException("storage is closed"));
                }
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.error("group commit flusher error", e);
            }
        }
        failQueued();
    }

    /** The head plus whatever fits behind it; transactions whose caller already gave up are dropped, not sent. */
    private List<Pending> drainAfter(Pending first) {
        List<Pending> batch = new ArrayList<>();
        int bytes = 0;
        if (!first.future().isDone()) {
            batch.add(first);
            bytes = first.encoded().length;
        }
        while (batch.size() < maxTxns) {
            Pending next = queue.peek();
            if (next == null || (!batch.isEmpty() && bytes + next.encoded().length > maxBytes)) {
                break;
            }
            queue.poll();
            if (!next.future().isDone()) {
                batch.add(next);
                bytes += next.encoded().length;
            }
        }
        return batch;
    }

    private void send(List<Pending> batch) {
        List<byte[]> encoded = new ArrayList<>(batch.size());
        batch.forEach(p -> encoded.add(p.encoded()));
        Message message = Message.valueOf(UnsafeByteOperations.unsafeWrap(TxnCodec.encodeEntry(encoded)));
        entriesSent.incrementAndGet();
        CompletableFuture<RaftClientReply> reply;
        try {
            // Bounded even if Ratis never answers, so the in-flight slot always comes back.
            reply = sender.apply(message).orTimeout(replyTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            inFlight.release();
            fail(batch, e);
            return;
        }
        reply.whenComplete((r, error) -> {
            inFlight.release();
            if (error != null) {
                fail(batch, error);
            } else if (!r.isSuccess()) {
                fail(batch, r.getException());
            } else {
                complete(batch, r);
            }
        });
    }

    private void complete(List<Pending> batch, RaftClientReply reply) {
        List<TxnResult> results;
        try {
            ByteBuffer content = reply.getMessage().getContent().asReadOnlyByteBuffer();
            results = TxnCodec.decodeReply(content);
            if (results.size() != batch.size()) {
                throw new IllegalArgumentException("reply has " + results.size() + " results for " + batch.size());
            }
        } catch (IllegalArgumentException e) {
            // An entry replayed by a restarted leader answers empty: the outcome is unknown, never report success.
            fail(batch, new StorageException("transaction outcome unknown (unexpected reply)", e));
            return;
        }
        long logIndex = Revision.logIndex(results.get(0).revision());
        whenApplied.apply(logIndex).whenCompleteAsync((ignored, error) -> {
            for (int i = 0; i < batch.size(); i++) {
                if (error != null) {
                    batch.get(i).future().completeExceptionally(storageException(error));
                } else {
                    batch.get(i).future().complete(results.get(i));
                }
            }
        }, callbacks);
    }

    private void fail(List<Pending> batch, Throwable error) {
        StorageException e = storageException(error);
        callbacks.execute(() -> batch.forEach(p -> p.future().completeExceptionally(e)));
    }

    static StorageException storageException(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof StorageException se) {
            return se;
        }
        String what = cause == null ? "unknown" : cause.getClass().getSimpleName();
        return new StorageException("transaction not acknowledged (" + what + ")", cause);
    }

    private void failQueued() {
        List<Pending> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            StorageException e = new StorageException("storage is closed");
            rest.forEach(p -> p.future().completeExceptionally(e));
        }
    }

    /** Stops the flusher (bounded) and fails everything still queued; in-flight entries fail with the client. */
    @Override
    public void close() {
        closed = true;
        flusher.interrupt();
        try {
            flusher.join(Duration.ofSeconds(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failQueued();
    }
}
