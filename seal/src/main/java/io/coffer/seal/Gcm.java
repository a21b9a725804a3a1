package io.coffer.seal;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a 12-byte random nonce and a 16-byte tag, producing and consuming {@code nonce || ciphertext ||
 * tag}. The one place the module touches {@link Cipher}; {@link SealedBlob} and {@link Barrier} frame around it.
 * Thread-safe: a new {@link Cipher} per call, a shared {@link SecureRandom}.
 */
final class Gcm {

    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    /** Go's {@code crypto/cipher} text, which Vault passes through to clients. */
    static final String AUTH_FAILED = "cipher: message authentication failed";

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Gcm() {
    }

    /** @return {@code n} fresh random bytes (used for keys as well as nonces) */
    static byte[] randomBytes(int n) {
        byte[] out = new byte[n];
        RANDOM.nextBytes(out);
        return out;
    }

    /**
     * Encrypts into {@code out} starting at {@code offset}, which must leave room for nonce, ciphertext and tag.
     *
     * @param aad associated data, or {@code null} for none
     */
    static void seal(byte[] key, byte[] aad, byte[] plaintext, byte[] out, int offset) {
        checkKey(key);
        byte[] nonce = randomBytes(NONCE_BYTES);
        System.arraycopy(nonce, 0, out, offset, NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, 0);
            if (aad != null) {
                cipher.updateAAD(aad);
            }
            cipher.doFinal(plaintext, 0, plaintext.length, out, offset + NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new SealException("encryption failed", e);
        }
    }

    /** @return the size of the output of {@link #seal} for a plaintext of {@code plaintextLength} bytes */
    static int sealedLength(int plaintextLength) {
        return NONCE_BYTES + plaintextLength + TAG_BYTES;
    }

    /**
     * Decrypts {@code nonce || ciphertext || tag} found in {@code in} from {@code offset} to the end.
     *
     * @param aad associated data, or {@code null} for none
     * @throws SealException({@value #AUTH_FAILED}) when the input is too short, the key has the wrong length or
     *                       authentication fails
     */
    static byte[] open(byte[] key, byte[] aad, byte[] in, int offset) {
        if (key == null || key.length != KEY_BYTES || in.length - offset < NONCE_BYTES + TAG_BYTES) {
            throw new SealException(AUTH_FAILED);
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, in, offset);
            if (aad != null) {
                cipher.updateAAD(aad);
            }
            int start = offset + NONCE_BYTES;
            return cipher.doFinal(in, start, in.length - start);
        } catch (GeneralSecurityException e) {
            throw new SealException(AUTH_FAILED, e);
        }
    }

    static void checkKey(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new SealException("encryption key must be 32 bytes");
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonceSource, int nonceOffset)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        GCMParameterSpec spec = new GCMParameterSpec(TAG_BYTES * Byte.SIZE, nonceSource, nonceOffset, NONCE_BYTES);
        cipher.init(mode, new SecretKeySpec(key, "AES"), spec);
        return cipher;
    }
}
