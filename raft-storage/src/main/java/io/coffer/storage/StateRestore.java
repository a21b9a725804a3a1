package io.coffer.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one restore through the Raft log: BEGIN, then the records in CHUNK entries of less than 1 MiB each
 * (a record larger than that travels alone; up to {@value #WINDOW} in flight, in order), then COMMIT with the
 * totals once every chunk was applied by the leader. Any failure sends ABORT (best effort); an unfinished restore
 * never changes the data. Memory stays at a few chunks. Runs on the caller's thread, which it blocks.
 */
final class StateRestore {

    private static final Logger LOG = LoggerFactory.getLogger(StateRestore.class);
    /** Payload budget of one CHUNK entry, leaving room for its header under 1 MiB. */
    static final int CHUNK_BYTES = (1 << 20) - 1024;
    /** CHUNK entries in flight at once (the Raft client keeps them in order). */
    private static final int WINDOW = 4;
    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Function<Message, CompletableFuture<RaftClientReply>> sender;
    private final LongFunction<CompletableFuture<Void>> whenApplied;
    private final long stepTimeoutMs;
    private final int chunkBytes;
    private final SecureRandom random = new SecureRandom();
    private final Deque<CompletableFuture<RaftClientReply>> inFlight = new ArrayDeque<>();

    /** {@code chunkBytes} caps the records per CHUNK entry (at most {@link #CHUNK_BYTES}). */
    StateRestore(Function<Message, CompletableFuture<RaftClientReply>> sender,
                 LongFunction<CompletableFuture<Void>> whenApplied, Duration stepTimeout, int chunkBytes) {
        this.sender = sender;
        this.whenApplied = whenApplied;
        this.stepTimeoutMs = stepTimeout.toMillis();
        this.chunkBytes = Math.min(CHUNK_BYTES, chunkBytes);
    }

    /** Replaces the replicated data with the records of {@code source}; returns the log index of the commit. */
    long run(RecordSource source) throws IOException {
        long id = random.nextLong();
        send(RestoreCommand.begin(id));
        LOG.info("restore {} started", Long.toHexString(id));
        long index;
        try {
            index = sendAll(id, source);
        } catch (IOException | RuntimeException e) {
            abortQuietly(id);
            throw e;
        }
        waitApplied(index);
        return index;
    }

    private long sendAll(long id, RecordSource source) throws IOException {
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        int pending = 0;
        int seq = 0;
        long records = 0;
        long bytes = 0;
        long start = System.nanoTime();
        long lastLog = start;
        for (RecordSource.Record r = source.next(); r != null; r = source.next()) {
            byte[] key = checked(r);
            int size = RestoreCommand.recordBytes(key, r.value());
            if (!keys.isEmpty() && pending + size > chunkBytes) {
                sendChunk(RestoreCommand.chunk(id, seq++, keys, values));
                keys.clear();
                values.clear();
                pending = 0;
            }
            keys.add(key);
            values.add(r.value());
            pending += size;
            records++;
            bytes += size;
            if (System.nanoTime() - lastLog > PROGRESS_NANOS) {
                lastLog = System.nanoTime();
                LOG.info("restore {}: {} entries ({} bytes) in {} chunks so far", Long.toHexString(id), records,
                        bytes, seq);
            }
        }
        if (!keys.isEmpty()) {
            sendChunk(RestoreCommand.chunk(id, seq++, keys, values));
        }
        while (!inFlight.isEmpty()) {
            check(RestoreCommand.Kind.CHUNK, await(inFlight.removeFirst(), "restore CHUNK"));
        }
        long index = send(RestoreCommand.commit(id, seq, records));
        LOG.info("restore {} committed at index {}: {} entries ({} bytes) in {} chunks, {} ms", Long.toHexString(id),
                index, records, bytes, seq, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        return index;
    }

    private static byte[] checked(RecordSource.Record r) {
        if (r.key() == null || r.key().isEmpty() || r.value() == null) {
            throw new StorageException("restore record with an empty key or no value");
        }
        byte[] key = r.key().getBytes(StandardCharsets.UTF_8);
        if (key.length > TxnCodec.MAX_KEY_BYTES || r.value().length > RestoreCommand.MAX_FIELD_BYTES) {
            throw new StorageException("restore record too large: " + r.key());
        }
        return key;
    }

    /** Sends a CHUNK, first waiting for the oldest one in flight when the window is full. */
    private void sendChunk(RestoreCommand chunk) {
        if (inFlight.size() >= WINDOW) {
            check(RestoreCommand.Kind.CHUNK, await(inFlight.removeFirst(), "restore CHUNK"));
        }
        inFlight.addLast(sender.apply(Message.valueOf(UnsafeByteOperations.unsafeWrap(chunk.encode()))));
    }

    /** Sends one step and waits for it to be applied by the leader; returns its log index. */
    private long send(RestoreCommand command) {
        Message message = Message.valueOf(UnsafeByteOperations.unsafeWrap(command.encode()));
        return check(command.kind(), await(sender.apply(message), "restore " + command.kind()));
    }

    /** The log index of a step's reply; StorageException when it failed or was refused. */
    private static long check(RestoreCommand.Kind kind, RaftClientReply reply) {
        if (!reply.isSuccess()) {
            throw new StorageException("restore " + kind + " failed", reply.getException());
        }
        List<TxnResult> results = TxnCodec.decodeReply(reply.getMessage().getContent().asReadOnlyByteBuffer());
        if (results.size() != 1 || !results.get(0).succeeded()) {
            throw new StorageException("restore " + kind + " was refused: another restore replaced it");
        }
        return Revision.logIndex(results.get(0).revision());
    }

    private void waitApplied(long index) {
        await(whenApplied.apply(index), "restore commit on this node");
    }

    private <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(stepTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted during " + what);
        } catch (TimeoutException e) {
            throw new StorageException(what + " not acknowledged within " + stepTimeoutMs + " ms");
        } catch (ExecutionException e) {
            throw GroupCommitter.storageException(e.getCause());
        }
    }

    private void abortQuietly(long id) {
        try {
            send(RestoreCommand.abort(id));
            LOG.warn("restore {} aborted; the data is unchanged", Long.toHexString(id));
        } catch (RuntimeException e) {
            LOG.warn("restore {} failed and its abort was not acknowledged ({}); the data is unchanged",
                    Long.toHexString(id), e.getMessage());
        }
    }
}
