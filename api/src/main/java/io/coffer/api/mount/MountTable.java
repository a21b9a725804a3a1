package io.coffer.api.mount;

import com.fasterxml.jackson.core.type.TypeReference;
import io.coffer.api.ApiException;
import io.coffer.api.Json;
import io.coffer.api.core.InitialState;
import io.coffer.api.core.StoragePaths;
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
 * The replicated mount table (stored barrier-encrypted at {@code core/mounts}). Reads are cached by the
 * entry's revision, so every node sees a change as soon as it has applied it. Changes are conditional on the
 * revision that was read, so concurrent changes never overwrite each other.
 */
public final class MountTable {

    private static final TypeReference<List<MountEntry>> TYPE = new TypeReference<>() {
    };
    private static final List<String> PROTECTED = List.of("sys/", "cubbyhole/", "identity/", "auth/", "audit/");

    private final LogicalStorage root;
    private volatile Cached cached = new Cached(-1, List.of());

    /** {@code root} is the barrier view with an empty prefix. */
    public MountTable(LogicalStorage root) {
        this.root = root;
    }

    private record Cached(long revision, List<MountEntry> mounts) {
    }

    /** The default mounts of a fresh server (vault-api.md §4.3), as an init contribution. */
    public static InitialState defaults(List<MountEntry> extra) {
        return (barrier, txn) -> {
            List<MountEntry> mounts = new ArrayList<>(List.of(
                    MountEntries.create("cubbyhole/", "cubbyhole", "per-token private secret storage", null, true),
                    MountEntries.create("identity/", "identity", "identity store", null, false),
                    MountEntries.create("sys/", "system", "system endpoints used for control, policy and debugging",
                            null, false)));
            mounts.addAll(extra);
            InitialState.put(txn, barrier, StoragePaths.MOUNTS, Json.bytes(mounts));
        };
    }

    /** All mounts, sorted by path. */
    public List<MountEntry> mounts() {
        Optional<Entry> entry = root.get(StoragePaths.MOUNTS);
        if (entry.isEmpty()) {
            return List.of();
        }
        Cached current = cached;
        if (current.revision() == entry.get().revision()) {
            return current.mounts();
        }
        List<MountEntry> parsed = parse(entry.get().value());
        parsed.sort(Comparator.comparing(MountEntry::path));
        cached = new Cached(entry.get().revision(), List.copyOf(parsed));
        return cached.mounts();
    }

    /** The mount serving {@code path} by longest prefix, if any. */
    public Optional<MountEntry> match(String path) {
        String probe = path.endsWith("/") ? path : path + "/";
        return mounts().stream()
                .filter(m -> probe.startsWith(m.path()))
                .max(Comparator.comparingInt(m -> m.path().length()));
    }

    /** The mount at exactly {@code mountPath} (with trailing '/'). */
    public Optional<MountEntry> get(String mountPath) {
        return mounts().stream().filter(m -> m.path().equals(mountPath)).findFirst();
    }

    /** Adds a mount; 403 on protected prefixes, 409 when it overlaps an existing mount. */
    public void mount(MountEntry entry) {
        for (String prefix : PROTECTED) {
            if (entry.path().startsWith(prefix)) {
                throw ApiException.of(403, "cannot mount \"" + entry.path() + "\"");
            }
        }
        change(mounts -> {
            for (MountEntry existing : mounts) {
                if (entry.path().startsWith(existing.path()) || existing.path().startsWith(entry.path())) {
                    throw ApiException.of(409, "path is already in use at " + existing.path());
                }
            }
            List<MountEntry> next = new ArrayList<>(mounts);
            next.add(entry);
            return next;
        }, null);
    }

    /** Removes the mount at {@code mountPath} and all its data; no-op when nothing is mounted there. */
    public void unmount(String mountPath) {
        if (PROTECTED.contains(mountPath)) {
            throw ApiException.badRequest("cannot unmount \"" + mountPath + "\"");
        }
        Optional<MountEntry> existing = get(mountPath);
        if (existing.isEmpty()) {
            return;
        }
        change(mounts -> {
            List<MountEntry> next = new ArrayList<>(mounts);
            next.removeIf(m -> m.path().equals(mountPath));
            return next;
        }, StoragePaths.LOGICAL + existing.get().uuid() + "/");
    }

    /** Replaces the entry with the same path. */
    public void replace(MountEntry updated) {
        change(mounts -> {
            List<MountEntry> next = new ArrayList<>(mounts);
            next.replaceAll(m -> m.path().equals(updated.path()) ? updated : m);
            return next;
        }, null);
    }

    private void change(UnaryOperator<List<MountEntry>> edit, String deleteDataPrefix) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Optional<Entry> entry = root.get(StoragePaths.MOUNTS);
            List<MountEntry> current = entry.map(e -> parse(e.value())).orElseGet(ArrayList::new);
            List<MountEntry> next = edit.apply(current);
            Txn.Builder txn = Txn.builder()
                    .require(entry.map(Condition::at).orElse(Condition.absent(StoragePaths.MOUNTS)))
                    .put(StoragePaths.MOUNTS, Json.bytes(next));
            if (deleteDataPrefix != null) {
                txn.deletePrefix(deleteDataPrefix);
            }
            if (root.txn(txn.build()).succeeded()) {
                return;
            }
        }
        throw ApiException.of(503, "the mount table is changing too often; try again");
    }

    private static List<MountEntry> parse(byte[] json) {
        try {
            return new ArrayList<>(Json.MAPPER.readValue(json, TYPE));
        } catch (IOException e) {
            throw ApiException.internal("the mount table is unreadable");
        }
    }
}
