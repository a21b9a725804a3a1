package io.coffer.api.testing;

import io.coffer.api.store.LogicalStorage;
import io.coffer.storage.Condition;
import io.coffer.storage.Entry;
import io.coffer.storage.Op;
import io.coffer.storage.Txn;
import io.coffer.storage.TxnResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@link LogicalStorage} in memory with the real store's transaction semantics: every transaction gets the next
 * value of one global revision counter, conditions compare the current revision of a key (0 = absent), and a
 * transaction whose conditions fail changes nothing. Views made with {@link #sub} share the data. Thread-safe.
 *
 * <p>Test hooks: {@link #beforeNextTxn} runs code (typically a competing write) just before the next transaction
 * is checked, {@link #dump} snapshots everything for "nothing changed" assertions.
 */
public final class InMemoryLogicalStorage implements LogicalStorage {

    private final Shared shared;
    private final String prefix;

    public InMemoryLogicalStorage() {
        this(new Shared(), "");
    }

    private InMemoryLogicalStorage(Shared shared, String prefix) {
        this.shared = shared;
        this.prefix = prefix;
    }

    private static final class Shared {
        private final TreeMap<String, Entry> data = new TreeMap<>();
        private long revision;
        private long txns;
        private final List<Runnable> hooks = new ArrayList<>();
    }

    @Override
    public Optional<Entry> get(String key) {
        synchronized (shared) {
            Entry stored = shared.data.get(prefix + key);
            return Optional.ofNullable(stored).map(e -> new Entry(key, e.value().clone(), e.revision()));
        }
    }

    @Override
    public List<String> list(String listPrefix) {
        synchronized (shared) {
            String full = prefix + listPrefix;
            TreeSet<String> children = new TreeSet<>();
            for (String key : shared.data.tailMap(full, true).keySet()) {
                if (!key.startsWith(full)) {
                    break;
                }
                String rest = key.substring(full.length());
                int slash = rest.indexOf('/');
                if (!rest.isEmpty()) {
                    children.add(slash >= 0 ? rest.substring(0, slash + 1) : rest);
                }
            }
            return List.copyOf(children);
        }
    }

    @Override
    public List<String> keys(String keyPrefix) {
        synchronized (shared) {
            String full = prefix + keyPrefix;
            List<String> keys = new ArrayList<>();
            for (String key : shared.data.tailMap(full, true).keySet()) {
                if (!key.startsWith(full)) {
                    break;
                }
                keys.add(key.substring(prefix.length()));
            }
            return keys;
        }
    }

    @Override
    public TxnResult txn(Txn txn) {
        List<Runnable> hooks;
        synchronized (shared) {
            hooks = new ArrayList<>(shared.hooks);
            shared.hooks.clear();
        }
        hooks.forEach(Runnable::run);
        synchronized (shared) {
            shared.txns++;
            for (Condition condition : txn.conditions()) {
                Entry current = shared.data.get(prefix + condition.key());
                long revision = current == null ? 0 : current.revision();
                if (revision != condition.revision()) {
                    return new TxnResult(false, shared.revision);
                }
            }
            long revision = ++shared.revision;
            for (Op op : txn.ops()) {
                apply(op, revision);
            }
            return new TxnResult(true, revision);
        }
    }

    private void apply(Op op, long revision) {
        if (op instanceof Op.Put put) {
            String key = prefix + put.key();
            shared.data.put(key, new Entry(key, put.value().clone(), revision));
        } else if (op instanceof Op.Delete delete) {
            shared.data.remove(prefix + delete.key());
        } else if (op instanceof Op.DeletePrefix deletePrefix) {
            String full = prefix + deletePrefix.prefix();
            shared.data.keySet().removeIf(k -> k.startsWith(full));
        }
    }

    @Override
    public LogicalStorage sub(String subPrefix) {
        return new InMemoryLogicalStorage(shared, prefix + subPrefix);
    }

    /** Runs {@code hook} once, right before the next transaction on any view is evaluated. */
    public void beforeNextTxn(Runnable hook) {
        synchronized (shared) {
            shared.hooks.add(hook);
        }
    }

    /** Every stored key of this view (relative) with its value as UTF-8 text and its revision. */
    public Map<String, String> dump() {
        synchronized (shared) {
            Map<String, String> out = new LinkedHashMap<>();
            shared.data.forEach((key, entry) -> {
                if (key.startsWith(prefix)) {
                    out.put(key.substring(prefix.length()),
                            new String(entry.value(), StandardCharsets.UTF_8) + " @" + entry.revision());
                }
            });
            return out;
        }
    }

    /** Transactions attempted so far, failed ones included. */
    public long txnCount() {
        synchronized (shared) {
            return shared.txns;
        }
    }

    /** The last revision handed out. */
    public long revision() {
        synchronized (shared) {
            return shared.revision;
        }
    }
}
