package io.coffer.api.core;

import io.coffer.api.ApiException;
import io.coffer.seal.Barrier;
import io.coffer.seal.KeyHierarchy;
import io.coffer.seal.Keyring;
import io.coffer.seal.SealConfig;
import io.coffer.seal.SealException;
import io.coffer.seal.Unsealer;
import io.coffer.storage.Condition;
import io.coffer.storage.Entry;
import io.coffer.storage.Storage;
import io.coffer.storage.Txn;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's seal: initialisation, unseal progress, and the open barrier while unsealed. Nothing that can
 * unseal is written anywhere in clear; the unseal key lives only in memory while the node is unsealed.
 * Thread-safe: state changes are synchronized, reads of the barrier are volatile.
 */
public final class SealManager {

    private static final Logger LOG = LoggerFactory.getLogger(SealManager.class);

    private final StorageHost host;
    private final Clock clock;
    private final List<SealListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Barrier barrier;
    private volatile byte[] unsealKey;
    private volatile PendingJoin pendingJoin;
    private Unsealer unsealer;

    public SealManager(StorageHost host, Clock clock) {
        this.host = host;
        this.clock = clock;
    }

    /** Notified after every unseal and seal of this node, on the thread that caused it. */
    public interface SealListener {
        void onUnseal(Barrier barrier);

        void onSeal();
    }

    public void addListener(SealListener listener) {
        listeners.add(listener);
    }

    /**
     * A raft join waiting for unseal keys (vault-api.md §3.2): while one is set and this node holds no stored keys,
     * the node reports the leader's seal configuration, and the unseal key that the shares combine to goes to
     * {@link #complete} instead of opening the (still empty) local storage.
     */
    public interface PendingJoin {
        SealConfig leaderSealConfig();

        /** Called with the combined key, outside this manager's lock; throws ApiException on failure. */
        void complete(byte[] unsealKey);
    }

    /** Starts waiting for unseal keys for {@code join}; replaces any earlier pending join. */
    public synchronized void beginJoin(PendingJoin join) {
        pendingJoin = join;
        resetProgress();
    }

    /** Ends {@code join} (if it is still the pending one). */
    public synchronized void endJoin(PendingJoin join) {
        if (pendingJoin == join) {
            pendingJoin = null;
        }
    }

    public boolean initialized() {
        return sealConfig().isPresent();
    }

    /** The cluster's seal configuration, when this node has one. */
    public Optional<SealConfig> sealConfig() {
        Storage storage = host.storage();
        Optional<SealConfig> stored = storage == null ? Optional.empty()
                : storage.get(StoragePaths.SEAL_CONFIG).map(e -> SealConfig.decode(e.value()));
        PendingJoin join = pendingJoin;
        return stored.isPresent() || join == null ? stored : Optional.of(join.leaderSealConfig());
    }

    public boolean sealed() {
        return barrier == null;
    }

    /** The open barrier; 503 {@code Vault is sealed} when sealed. */
    public Barrier barrier() {
        Barrier current = barrier;
        if (current == null) {
            throw ApiException.sealed();
        }
        return current;
    }

    /** The unseal key while unsealed (for seal-wrapping challenges and snapshot hashes); 503 when sealed. */
    public byte[] unsealKey() {
        byte[] key = unsealKey;
        if (key == null) {
            throw ApiException.sealed();
        }
        return key.clone();
    }

    /**
     * Initialises the cluster: creates the key hierarchy and writes it together with {@code initial} in one
     * transaction that only succeeds on an uninitialised store. The node stays sealed. Returns the shares.
     */
    public synchronized List<byte[]> initialize(SealConfig config, InitialState initial) {
        try {
            config.validate();
        } catch (SealException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        if (initialized()) {
            throw ApiException.badRequest("Vault is already initialized");
        }
        Storage storage = host.storage() != null ? host.storage() : host.bootstrap();
        KeyHierarchy.Initialized keys = KeyHierarchy.initialize(config, clock.instant());
        Txn.Builder txn = Txn.builder()
                .require(Condition.absent(StoragePaths.SEAL_CONFIG))
                .put(StoragePaths.SEAL_CONFIG, config.encode())
                .put(StoragePaths.SEALED_ROOT_KEY, keys.sealedRootKey())
                .put(StoragePaths.KEYRING, keys.encryptedKeyring());
        initial.contribute(new Barrier(keys.keyring()), txn);
        if (!BarrierStorage.await(storage, txn.build()).succeeded()) {
            throw ApiException.badRequest("Vault is already initialized");
        }
        LOG.info("initialized with {} key shares and a key threshold of {}", config.secretShares(),
                config.secretThreshold());
        return keys.shares();
    }

    /** Adds one share to the current unseal attempt; unseals when the threshold is reached with right keys. */
    public void submitShare(byte[] share) {
        Optional<byte[]> candidate;
        synchronized (this) {
            SealConfig config = sealConfig().orElseThrow(() -> ApiException.badRequest("Vault is not initialized"));
            if (!sealed()) {
                return;
            }
            try {
                candidate = unsealer(config).submit(share);
            } catch (SealException e) {
                throw ApiException.badRequest(e.getMessage());
            }
        }
        if (candidate.isEmpty()) {
            return;
        }
        PendingJoin join = pendingJoin;
        if (join != null && !hasStoredKeys()) {
            join.complete(candidate.get());
        } else {
            open(candidate.get());
        }
    }

    private boolean hasStoredKeys() {
        Storage storage = host.storage();
        return storage != null && storage.get(StoragePaths.SEALED_ROOT_KEY).isPresent()
                && storage.get(StoragePaths.KEYRING).isPresent();
    }

    /** Tries {@code key} as the unseal key; 400 with Vault's text when it does not decrypt the stored keys. */
    public synchronized void open(byte[] key) {
        Storage storage = host.storage();
        Entry root = storage.get(StoragePaths.SEALED_ROOT_KEY).orElseThrow(() -> keysMissing());
        Entry ring = storage.get(StoragePaths.KEYRING).orElseThrow(() -> keysMissing());
        Keyring keyring;
        try {
            keyring = KeyHierarchy.unlock(key, root.value(), ring.value());
        } catch (SealException e) {
            throw ApiException.badRequest("unable to retrieve stored keys: invalid key: " + e.getMessage());
        }
        Barrier opened = new Barrier(keyring);
        this.unsealKey = key.clone();
        this.barrier = opened;
        LOG.info("vault is unsealed");
        listeners.forEach(l -> l.onUnseal(opened));
    }

    /** Discards the shares submitted so far. */
    public synchronized void resetProgress() {
        if (unsealer != null) {
            unsealer.reset();
        }
    }

    public synchronized int progress() {
        return unsealer == null ? 0 : unsealer.progress();
    }

    public synchronized String nonce() {
        return unsealer == null ? "" : unsealer.nonce();
    }

    /** Seals this node: forgets the barrier and the unseal key. */
    public synchronized void seal() {
        if (sealed()) {
            return;
        }
        barrier = null;
        byte[] key = unsealKey;
        unsealKey = null;
        if (key != null) {
            Arrays.fill(key, (byte) 0);
        }
        resetProgress();
        LOG.info("vault is sealed");
        listeners.forEach(SealListener::onSeal);
    }

    /** Replaces the open barrier after a key rotation. */
    public synchronized void replaceBarrier(Barrier rotated) {
        if (!sealed()) {
            barrier = rotated;
        }
    }

    /** Adds a barrier key term (sys/rotate): new writes use it, older terms keep decrypting. */
    public synchronized void rotate() {
        Barrier current = barrier();
        Storage storage = host.storage();
        Entry stored = storage.get(StoragePaths.KEYRING).orElseThrow(SealManager::keysMissing);
        Keyring rotated = current.keyring().rotate(clock.instant());
        Txn txn = Txn.builder().require(Condition.at(stored))
                .put(StoragePaths.KEYRING, KeyHierarchy.encryptKeyring(rotated)).build();
        if (!BarrierStorage.await(storage, txn).succeeded()) {
            throw ApiException.of(503, "the keyring changed concurrently; try again");
        }
        barrier = current.withKeyring(rotated);
    }

    /**
     * Re-reads the keyring after another node rotated it; returns whether a newer keyring was installed.
     * Called when a value carries a term this node does not know yet.
     */
    public synchronized boolean refreshKeyring() {
        Barrier current = barrier;
        if (current == null) {
            return false;
        }
        Entry stored = host.storage().get(StoragePaths.KEYRING).orElseThrow(SealManager::keysMissing);
        Keyring latest = KeyHierarchy.unlock(unsealKey, host.storage().get(StoragePaths.SEALED_ROOT_KEY)
                .orElseThrow(SealManager::keysMissing).value(), stored.value());
        if (latest.activeTerm() <= current.keyring().activeTerm()) {
            return false;
        }
        barrier = current.withKeyring(latest);
        return true;
    }

    private Unsealer unsealer(SealConfig config) {
        if (unsealer == null || !unsealer.config().equals(config)) {
            unsealer = new Unsealer(config);
        }
        return unsealer;
    }

    private static ApiException keysMissing() {
        return ApiException.internal("stored keys are missing");
    }
}
