package io.coffer.api.core;

import io.coffer.api.ApiException;
import io.coffer.api.store.LogicalStorage;
import io.coffer.seal.Barrier;
import io.coffer.seal.SealException;
import io.coffer.storage.Condition;
import io.coffer.storage.Entry;
import io.coffer.storage.Op;
import io.coffer.storage.Storage;
import io.coffer.storage.StorageException;
import io.coffer.storage.Txn;
import io.coffer.storage.TxnResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LogicalStorage} over the replicated {@link Storage}: every value is encrypted with the barrier, the
 * full physical key being the associated data, so a ciphertext moved to another key does not decrypt.
 */
public final class BarrierStorage implements LogicalStorage {

    private static final Logger LOG = LoggerFactory.getLogger(BarrierStorage.class);
    private static final long WRITE_TIMEOUT_SECONDS = 15;

    private final Supplier<Storage> storage;
    private final SealManager seal;
    private final String prefix;

    /** A view over {@code storage} encrypted by {@code seal}'s barrier, rooted at {@code prefix}. */
    public BarrierStorage(Supplier<Storage> storage, SealManager seal, String prefix) {
        this.storage = storage;
        this.seal = seal;
        this.prefix = prefix;
    }

    @Override
    public Optional<Entry> get(String key) {
        String physical = prefix + key;
        return storage.get().get(physical).map(e -> new Entry(key, decrypt(physical, e.value()), e.revision()));
    }

    @Override
    public List<String> list(String listPrefix) {
        return storage.get().list(prefix + listPrefix);
    }

    @Override
    public List<String> keys(String keyPrefix) {
        List<String> physical = storage.get().keys(prefix + keyPrefix);
        List<String> relative = new ArrayList<>(physical.size());
        physical.forEach(k -> relative.add(k.substring(prefix.length())));
        return relative;
    }

    @Override
    public TxnResult txn(Txn txn) {
        Barrier b = seal.barrier();
        List<Condition> conditions = new ArrayList<>();
        txn.conditions().forEach(c -> conditions.add(new Condition(prefix + c.key(), c.revision())));
        List<Op> ops = new ArrayList<>();
        for (Op op : txn.ops()) {
            if (op instanceof Op.Put put) {
                String physical = prefix + put.key();
                ops.add(Op.put(physical, b.encrypt(physical, put.value())));
            } else if (op instanceof Op.Delete delete) {
                ops.add(Op.delete(prefix + delete.key()));
            } else if (op instanceof Op.DeletePrefix dp) {
                ops.add(Op.deletePrefix(prefix + dp.prefix()));
            }
        }
        return await(storage.get(), new Txn(conditions, ops));
    }

    @Override
    public LogicalStorage sub(String subPrefix) {
        return new BarrierStorage(storage, seal, prefix + subPrefix);
    }

    /** Submits a physical transaction and waits a bounded time; failures become 500/503, never success. */
    public static TxnResult await(Storage storage, Txn txn) {
        try {
            return storage.txn(txn).get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.internal("interrupted while writing to storage");
        } catch (TimeoutException e) {
            throw ApiException.of(503, "storage write timed out: the cluster may have lost quorum");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StorageException se) {
                LOG.warn("storage write failed: {}", se.getMessage());
                throw ApiException.of(503, "storage write failed: " + se.getMessage());
            }
            throw ApiException.internal("storage write failed");
        }
    }

    private byte[] decrypt(String physical, byte[] value) {
        try {
            return seal.barrier().decrypt(physical, value);
        } catch (SealException e) {
            if (seal.refreshKeyring()) {
                return decrypt(physical, value);
            }
            LOG.error("cannot decrypt the entry at {}: {}", physical, e.getMessage());
            throw ApiException.internal("failed to decrypt a storage entry");
        }
    }
}
