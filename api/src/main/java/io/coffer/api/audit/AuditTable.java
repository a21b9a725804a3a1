package io.coffer.api.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import io.coffer.api.ApiException;
import io.coffer.api.Json;
import io.coffer.api.store.LogicalStorage;
import io.coffer.storage.Condition;
import io.coffer.storage.Entry;
import io.coffer.storage.Txn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The replicated audit device table, stored barrier-encrypted at {@value #KEY} in the root storage view (so the
 * per-device HMAC keys are never stored in clear). Reads are cached by the entry's revision: a node sees a device
 * enabled through another node as soon as it has applied the change. Changes are conditional on the revision
 * that was read, so concurrent enables never overwrite each other.
 */
public final class AuditTable {

    static final String KEY = "sys/audit/devices";
    private static final TypeReference<List<AuditDevice>> TYPE = new TypeReference<>() {
    };
    private static final int ATTEMPTS = 20;

    private final LogicalStorage root;
    private volatile Snapshot cached = new Snapshot(0, List.of());

    /** {@code root} is the barrier view with an empty prefix. */
    public AuditTable(LogicalStorage root) {
        this.root = root;
    }

    /**
     * The table at one revision; revision 0 means "no table stored".
     *
     * @param revision the storage revision of the table entry
     * @param devices  the devices sorted by path
     */
    public record Snapshot(long revision, List<AuditDevice> devices) {

        public Optional<AuditDevice> device(String path) {
            return devices.stream().filter(d -> d.path().equals(path)).findFirst();
        }
    }

    /** The current table (as applied on this node). */
    public Snapshot snapshot() {
        Optional<Entry> entry = root.get(KEY);
        if (entry.isEmpty()) {
            return new Snapshot(0, List.of());
        }
        Snapshot current = cached;
        if (current.revision() == entry.get().revision()) {
            return current;
        }
        List<AuditDevice> parsed = parse(entry.get().value());
        parsed.sort(Comparator.comparing(AuditDevice::path));
        Snapshot fresh = new Snapshot(entry.get().revision(), List.copyOf(parsed));
        cached = fresh;
        return fresh;
    }

    /** Adds {@code device}; 400 {@code path already in use} when a device path is a prefix of the other. */
    public void enable(AuditDevice device) {
        change(devices -> {
            for (AuditDevice existing : devices) {
                if (existing.path().startsWith(device.path()) || device.path().startsWith(existing.path())) {
                    throw ApiException.badRequest("path already in use");
                }
            }
            List<AuditDevice> next = new ArrayList<>(devices);
            next.add(device);
            return next;
        });
    }

    /** Removes the device at {@code path}; returns whether there was one. */
    public boolean disable(String path) {
        if (snapshot().device(path).isEmpty()) {
            return false;
        }
        change(devices -> {
            List<AuditDevice> next = new ArrayList<>(devices);
            next.removeIf(d -> d.path().equals(path));
            return next;
        });
        return true;
    }

    private void change(UnaryOperator<List<AuditDevice>> edit) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Entry> entry = root.get(KEY);
            List<AuditDevice> current = entry.map(e -> parse(e.value())).orElseGet(ArrayList::new);
            Txn txn = Txn.builder()
                    .require(entry.map(Condition::at).orElse(Condition.absent(KEY)))
                    .put(KEY, Json.bytes(edit.apply(current)))
                    .build();
            if (root.txn(txn).succeeded()) {
                return;
            }
        }
        throw ApiException.of(503, "the audit table is changing too often; try again");
    }

    private static List<AuditDevice> parse(byte[] json) {
        try {
            return new ArrayList<>(Json.MAPPER.readValue(json, TYPE));
        } catch (IOException e) {
            throw ApiException.internal("the audit device table is unreadable");
        }
    }
}
