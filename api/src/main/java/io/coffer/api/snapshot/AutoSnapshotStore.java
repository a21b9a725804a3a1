package io.coffer.api.snapshot;

import io.coffer.api.ApiException;
import io.coffer.api.store.LogicalStorage;
import io.coffer.storage.Condition;
import io.coffer.storage.Entry;
import io.coffer.storage.Txn;
import java.util.List;
import java.util.Optional;

/**
 * The replicated automated-snapshot configurations and their status, barrier-encrypted below
 * {@code sys/raft-snapshot-auto/}: {@code config/<name>} and {@code status/<name>}.
 */
final class AutoSnapshotStore {

    private final LogicalStorage storage;

    /** {@code root} is the barrier view with an empty prefix. */
    AutoSnapshotStore(LogicalStorage root) {
        this.storage = root.sub("sys/raft-snapshot-auto/");
    }

    List<String> names() {
        return storage.list("config/").stream().filter(n -> !n.endsWith("/")).toList();
    }

    Optional<AutoSnapshotConfig> config(String name) {
        return storage.get("config/" + name).map(e -> AutoSnapshotConfig.decode(e.value()));
    }

    void putConfig(String name, AutoSnapshotConfig config) {
        check(storage.txn(Txn.builder().put("config/" + name, config.encode()).build()).succeeded());
    }

    /** Removes the configuration and its status. */
    void delete(String name) {
        check(storage.txn(Txn.builder().delete("config/" + name).delete("status/" + name).build()).succeeded());
    }

    Optional<AutoSnapshotStatus> status(String name) {
        return storage.get("status/" + name).map(e -> AutoSnapshotStatus.decode(e.value()));
    }

    /** Stores {@code status} unless the configuration was deleted (or replaced) meanwhile. */
    void putStatus(String name, AutoSnapshotStatus status) {
        Optional<Entry> config = storage.get("config/" + name);
        if (config.isPresent()) {
            storage.txn(Txn.builder().require(Condition.at(config.get())).put("status/" + name, status.encode())
                    .build());
        }
    }

    private static void check(boolean succeeded) {
        if (!succeeded) {
            throw ApiException.of(503, "storage changed concurrently; try again");
        }
    }
}
