package io.coffer.seal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The barrier cipher: encrypts every storage value under a keyring term (vault-api.md §13.2).
 *
 * <p>Format: {@code term (4 bytes, big-endian) || version || nonce (12) || AES-256-GCM ciphertext || tag (16)}.
 * {@link #encrypt} always writes version {@value #VERSION_PATH_AAD}, whose associated data is the storage path in
 * UTF-8, so a value copied to another path does not decrypt. {@link #decrypt} also accepts Vault's legacy version
 * {@value #VERSION_NO_AAD} (no associated data) and picks the key by the term in the header, so values written
 * before a rotation stay readable.
 *
 * <p>Thread-safe: the keyring is immutable and the encryption counter atomic. To rotate, build the rotated keyring
 * and swap in {@link #withKeyring(Keyring)}.
 */
public final class Barrier {

    /** Legacy version byte: no associated data (accepted on decrypt only). */
    public static final byte VERSION_NO_AAD = 1;
    /** Current version byte: the storage path is the associated data. */
    public static final byte VERSION_PATH_AAD = 2;

    private static final int HEADER_BYTES = 5;
    private static final int MIN_BYTES = HEADER_BYTES + Gcm.NONCE_BYTES + Gcm.TAG_BYTES;

    private final Keyring keyring;
    private final AtomicLong encryptions;

    /**
     * @param keyring the keys to use; the counter starts at 0
     */
    public Barrier(Keyring keyring) {
        this(keyring, 0);
    }

    private Barrier(Keyring keyring, long encryptions) {
        this.keyring = Objects.requireNonNull(keyring, "keyring");
        this.encryptions = new AtomicLong(encryptions);
    }

    /**
     * Encrypts under the active term with the path as associated data, and counts one encryption.
     *
     * @param path      storage path the value will be written at
     * @param plaintext value; not modified
     * @return fresh ciphertext in the format above
     */
    public byte[] encrypt(String path, byte[] plaintext) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(plaintext, "plaintext");
        int term = keyring.activeTerm();
        byte[] out = new byte[HEADER_BYTES + Gcm.sealedLength(plaintext.length)];
        ByteBuffer.wrap(out).putInt(term).put(VERSION_PATH_AAD);
        Gcm.seal(keyring.keyOrNull(term), path.getBytes(StandardCharsets.UTF_8), plaintext, out, HEADER_BYTES);
        encryptions.incrementAndGet();
        return out;
    }

    /**
     * @param path       the storage path the value was read from
     * @param ciphertext output of {@link #encrypt} (or a Vault version-1 value)
     * @return the plaintext
     * @throws SealException "ciphertext too short", "no decryption key available for term N",
     *                       "version bytes mis-match", or "cipher: message authentication failed" (tampered value,
     *                       wrong path, wrong key)
     */
    public byte[] decrypt(String path, byte[] ciphertext) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (ciphertext.length < MIN_BYTES) {
            throw new SealException("ciphertext too short");
        }
        ByteBuffer header = ByteBuffer.wrap(ciphertext, 0, HEADER_BYTES);
        long term = Integer.toUnsignedLong(header.getInt());
        byte[] key = term > Integer.MAX_VALUE ? null : keyring.keyOrNull((int) term);
        if (key == null) {
            throw new SealException("no decryption key available for term " + term);
        }
        byte version = header.get();
        byte[] aad;
        if (version == VERSION_PATH_AAD) {
            aad = path.getBytes(StandardCharsets.UTF_8);
        } else if (version == VERSION_NO_AAD) {
            aad = null;
        } else {
            throw new SealException("version bytes mis-match");
        }
        return Gcm.open(key, aad, ciphertext, HEADER_BYTES);
    }

    /** @return the keyring this barrier encrypts with */
    public Keyring keyring() {
        return keyring;
    }

    /** @return encryptions performed under the current active term (Vault's {@code encryptions} key status) */
    public long encryptions() {
        return encryptions.get();
    }

    /**
     * @param rotated the keyring to use from now on, typically {@code keyring().rotate(now)}
     * @return a new barrier over {@code rotated}; its counter continues from this one's if the active term is
     *         unchanged and starts at 0 if it changed, as Vault counts encryptions per term
     */
    public Barrier withKeyring(Keyring rotated) {
        Objects.requireNonNull(rotated, "rotated");
        long carried = rotated.activeTerm() == keyring.activeTerm() ? encryptions.get() : 0;
        return new Barrier(rotated, carried);
    }

    @Override
    public String toString() {
        return "Barrier[" + keyring + ", encryptions=" + encryptions.get() + "]";
    }
}
