package io.coffer.seal;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Vault's key hierarchy for a Shamir seal (vault-api.md §13.1):
 * <pre>
 * shares --Shamir.combine--> unseal key (32 B, never stored)
 * unseal key --SealedBlob--> sealed root key                (stored)
 * root key --Barrier, term 1, AAD "core/keyring"--> keyring (stored)
 * keyring terms --Barrier--> every other storage value
 * </pre>
 * The shares reconstruct the unseal key, not the root key, so the same shares unlock every node holding the same
 * stored bytes. Thread-safe (stateless). The caller persists {@link Initialized#sealedRootKey()} and
 * {@link Initialized#encryptedKeyring()}, hands the shares to the operator once, and keeps nothing else.
 */
public final class KeyHierarchy {

    /** Associated data (and Vault's storage path) of the encrypted keyring. */
    public static final String KEYRING_PATH = "core/keyring";

    private static final String DECRYPT_FAILED = "failed to decrypt keys from storage: ";

    private KeyHierarchy() {
    }

    /**
     * The result of {@link #initialize}.
     *
     * @param shares           the operator's key shares (raw 32-byte unseal key when the config has one share)
     * @param sealedRootKey    the root key sealed under the unseal key, to store
     * @param encryptedKeyring the keyring encrypted under the root key, to store
     * @param keyring          the new keyring in clear, to open the barrier with right away
     */
    public record Initialized(List<byte[]> shares, byte[] sealedRootKey, byte[] encryptedKeyring, Keyring keyring) {

        /** Shows counts only, never shares or keys. */
        @Override
        public String toString() {
            return "Initialized[shares=" + shares.size() + ", " + keyring + "]";
        }
    }

    /**
     * Creates fresh unseal and root keys and a one-term keyring, and splits the unseal key.
     *
     * @param config a Shamir seal configuration; validated here
     * @param now    install time of keyring term 1
     * @throws SealException "invalid seal configuration: ..." (Vault's texts) or "unsupported seal type: x"
     */
    public static Initialized initialize(SealConfig config, Instant now) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(now, "now");
        config.validate();
        if (!SealConfig.SHAMIR.equals(config.type())) {
            throw new SealException("unsupported seal type: " + config.type());
        }
        byte[] unsealKey = Gcm.randomBytes(Gcm.KEY_BYTES);
        byte[] rootKey = Gcm.randomBytes(Gcm.KEY_BYTES);
        try {
            List<byte[]> shares = config.secretShares() == 1
                    ? List.of(unsealKey.clone())
                    : Shamir.split(unsealKey, config.secretShares(), config.secretThreshold());
            byte[] sealedRootKey = SealedBlob.seal(unsealKey, rootKey);
            Keyring keyring = Keyring.create(rootKey, now);
            return new Initialized(shares, sealedRootKey, encryptKeyring(keyring), keyring);
        } finally {
            Arrays.fill(unsealKey, (byte) 0);
            Arrays.fill(rootKey, (byte) 0);
        }
    }

    /**
     * Encrypts a keyring under its own root key, for persisting after {@link Keyring#rotate}.
     *
     * @return barrier ciphertext (term 1, AAD {@value #KEYRING_PATH})
     */
    public static byte[] encryptKeyring(Keyring keyring) {
        Objects.requireNonNull(keyring, "keyring");
        byte[] rootKey = keyring.rootKey();
        byte[] encoded = keyring.encode();
        try {
            return new Barrier(Keyring.singleTerm(rootKey)).encrypt(KEYRING_PATH, encoded);
        } finally {
            Arrays.fill(rootKey, (byte) 0);
            Arrays.fill(encoded, (byte) 0);
        }
    }

    /**
     * Opens the stored keys with a candidate unseal key (from {@link Unsealer#submit}).
     *
     * @param unsealKey        candidate unseal key, any length (a wrong length is simply a wrong key)
     * @param sealedRootKey    stored {@link Initialized#sealedRootKey()}
     * @param encryptedKeyring stored {@link Initialized#encryptedKeyring()} or {@link #encryptKeyring} output
     * @return the keyring
     * @throws SealException "failed to decrypt keys from storage: cipher: message authentication failed" for a
     *                       wrong unseal key; "failed to decrypt keyring: ..." if the stored keyring is damaged or
     *                       does not belong to the root key
     */
    public static Keyring unlock(byte[] unsealKey, byte[] sealedRootKey, byte[] encryptedKeyring) {
        Objects.requireNonNull(sealedRootKey, "sealedRootKey");
        Objects.requireNonNull(encryptedKeyring, "encryptedKeyring");
        byte[] rootKey;
        try {
            rootKey = SealedBlob.open(unsealKey, sealedRootKey);
        } catch (SealException e) {
            throw new SealException(DECRYPT_FAILED + e.getMessage(), e);
        }
        byte[] keyringRoot = null;
        try {
            if (rootKey.length != Gcm.KEY_BYTES) {
                throw new SealException(DECRYPT_FAILED + "invalid root key length");
            }
            Keyring keyring = openKeyring(rootKey, encryptedKeyring);
            keyringRoot = keyring.rootKey();
            if (!MessageDigest.isEqual(keyringRoot, rootKey)) {
                throw new SealException("failed to decrypt keyring: root key mismatch");
            }
            return keyring;
        } finally {
            Arrays.fill(rootKey, (byte) 0);
            if (keyringRoot != null) {
                Arrays.fill(keyringRoot, (byte) 0);
            }
        }
    }

    private static Keyring openKeyring(byte[] rootKey, byte[] encryptedKeyring) {
        byte[] encoded;
        try {
            encoded = new Barrier(Keyring.singleTerm(rootKey)).decrypt(KEYRING_PATH, encryptedKeyring);
        } catch (SealException e) {
            throw new SealException("failed to decrypt keyring: " + e.getMessage(), e);
        }
        try {
            return Keyring.decode(encoded);
        } catch (SealException e) {
            throw new SealException("failed to decrypt keyring: " + e.getMessage(), e);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }
}
