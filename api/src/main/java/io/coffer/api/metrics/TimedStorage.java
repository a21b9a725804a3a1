package io.coffer.api.metrics;

import io.coffer.api.store.LogicalStorage;
import io.coffer.storage.Entry;
import io.coffer.storage.Op;
import io.coffer.storage.Txn;
import io.coffer.storage.TxnResult;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Times the barrier as Vault's {@code vault.barrier.get/put/list/delete} (milliseconds) around the encrypted
 * storage view, and counts each transaction this node committed through Raft as {@code vault.raft.apply}.
 * A transaction with at least one put is timed as {@code put}, one with only deletes as {@code delete}.
 */
final class TimedStorage implements LogicalStorage {

    private final LogicalStorage delegate;
    private final MetricSink sink;

    TimedStorage(LogicalStorage delegate, MetricSink sink) {
        this.delegate = delegate;
        this.sink = sink;
    }

    @Override
    public Optional<Entry> get(String key) {
        return timed("barrier.get", () -> delegate.get(key));
    }

    @Override
    public List<String> list(String prefix) {
        return timed("barrier.list", () -> delegate.list(prefix));
    }

    @Override
    public List<String> keys(String prefix) {
        return timed("barrier.list", () -> delegate.keys(prefix));
    }

    private <T> T timed(String sample, Supplier<T> call) {
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            sink.addSample(sample, since(start));
        }
    }

    @Override
    public TxnResult txn(Txn txn) {
        boolean puts = txn.ops().stream().anyMatch(op -> op instanceof Op.Put);
        long start = System.nanoTime();
        try {
            TxnResult result = delegate.txn(txn);
            sink.incrCounter("raft.apply", 1);
            return result;
        } finally {
            sink.addSample(puts ? "barrier.put" : "barrier.delete", since(start));
        }
    }

    @Override
    public LogicalStorage sub(String prefix) {
        return new TimedStorage(delegate.sub(prefix), sink);
    }

    private static double since(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
