package io.coffer.seal;

import java.util.Objects;

/**
 * A value wrapped by the seal itself: AES-256-GCM under a 32-byte key (the unseal key for a Shamir seal),
 * 12-byte random nonce, output {@code nonce || ciphertext || tag}, no associated data (vault-api.md §13.2).
 * Used for the stored root key, raft join challenges and {@code SHA256SUMS.sealed} in snapshots.
 * Thread-safe (stateless).
 */
public final class SealedBlob {

    /** Bytes a sealed blob adds to its plaintext: nonce plus tag. */
    public static final int OVERHEAD = Gcm.NONCE_BYTES + Gcm.TAG_BYTES;

    private SealedBlob() {
    }

    /**
     * @param key       32-byte AES key
     * @param plaintext any length, including empty
     * @return a fresh {@code nonce || ciphertext || tag}; sealing the same input twice gives different bytes
     * @throws SealException if the key is not 32 bytes
     */
    public static byte[] seal(byte[] key, byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        Gcm.checkKey(key);
        byte[] out = new byte[Gcm.sealedLength(plaintext.length)];
        Gcm.seal(key, null, plaintext, out, 0);
        return out;
    }

    /**
     * @param key  the key the blob was sealed with
     * @param blob output of {@link #seal}
     * @return the plaintext
     * @throws SealException("cipher: message authentication failed") on any failure: wrong key (or key length),
     *                       tampered or truncated blob
     */
    public static byte[] open(byte[] key, byte[] blob) {
        Objects.requireNonNull(blob, "blob");
        return Gcm.open(key, null, blob, 0);
    }
}
