package io.coffer.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * A conditional transaction: if every condition holds, every op is applied atomically, in order;
 * otherwise nothing is applied. Deterministic by construction: it carries only keys and opaque bytes.
 */
public record Txn(List<Condition> conditions, List<Op> ops) {

    public Txn {
        conditions = List.copyOf(conditions);
        ops = List.copyOf(ops);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects conditions and ops; not thread-safe. */
    public static final class Builder {
        private final List<Condition> conditions = new ArrayList<>();
        private final List<Op> ops = new ArrayList<>();

        public Builder require(Condition condition) {
            conditions.add(condition);
            return this;
        }

        public Builder put(String key, byte[] value) {
            ops.add(Op.put(key, value));
            return this;
        }

        public Builder delete(String key) {
            ops.add(Op.delete(key));
            return this;
        }

        public Builder deletePrefix(String prefix) {
            ops.add(Op.deletePrefix(prefix));
            return this;
        }

        public Txn build() {
            return new Txn(conditions, ops);
        }
    }
}
