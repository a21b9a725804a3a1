package io.coffer.api.peerunseal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The unseal key in transit between peers, encrypted to the requester's ephemeral X25519 key: the responder makes its
 * own ephemeral key pair, derives an AES-256 key from the shared secret with HKDF-SHA256 (salt: both public keys,
 * info: {@link #INFO}) and seals the unseal key with AES-256-GCM, the request's context (group, requester,
 * responder) as associated data. Both key pairs live for one exchange only, so a recorded exchange cannot be opened
 * later, and an envelope cannot be replayed to another requester or cluster. Pure code; thread-safe.
 */
public final class UnsealKeyEnvelope {

    /** HKDF info, versioning the construction. */
    static final byte[] INFO = "coffer unseal_from_peers v1".getBytes(StandardCharsets.US_ASCII);
    private static final String CURVE = "X25519";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private UnsealKeyEnvelope() {
    }

    /**
     * An encrypted unseal key.
     *
     * @param publicKey  the responder's ephemeral public key (X.509 encoding)
     * @param nonce      12-byte GCM nonce
     * @param ciphertext ciphertext and tag
     */
    public record Sealed(byte[] publicKey, byte[] nonce, byte[] ciphertext) {
    }

    /** A fresh ephemeral X25519 key pair for one request. */
    public static KeyPair ephemeral() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("XDH");
            generator.initialize(new NamedParameterSpec(CURVE), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 is not available in this JVM", e);
        }
    }

    /**
     * Encrypts {@code secret} to {@code requesterPublic} (X.509-encoded X25519 key).
     *
     * @throws IllegalArgumentException when the public key is not an X25519 key
     */
    public static Sealed seal(byte[] secret, byte[] requesterPublic, byte[] context) {
        PublicKey theirs = decode(requesterPublic);
        KeyPair mine = ephemeral();
        byte[] myPublic = mine.getPublic().getEncoded();
        byte[] key = derive(mine.getPrivate(), theirs, requesterPublic, myPublic);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            return new Sealed(myPublic, nonce, gcm(Cipher.ENCRYPT_MODE, key, nonce, context).doFinal(secret));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Decrypts {@code sealed} with this request's private key.
     *
     * @throws IllegalArgumentException when the envelope does not open: another key, another context, tampering
     */
    public static byte[] open(KeyPair requester, Sealed sealed, byte[] context) {
        PublicKey theirs = decode(sealed.publicKey());
        byte[] key = derive(requester.getPrivate(), theirs, requester.getPublic().getEncoded(), sealed.publicKey());
        try {
            return gcm(Cipher.DECRYPT_MODE, key, sealed.nonce(), context).doFinal(sealed.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the unseal key envelope does not open: " + e.getMessage(), e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The associated data that binds an envelope to one cluster, requester and responder. */
    public static byte[] context(String groupId, String requesterId, String responderId) {
        byte[][] parts = {groupId.getBytes(StandardCharsets.UTF_8), requesterId.getBytes(StandardCharsets.UTF_8),
            responderId.getBytes(StandardCharsets.UTF_8)};
        ByteBuffer out = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> 4 + p.length).sum());
        for (byte[] part : parts) {
            out.putInt(part.length).put(part);
        }
        return out.array();
    }

    private static byte[] derive(PrivateKey mine, PublicKey theirs, byte[] requesterPublic, byte[] responderPublic) {
        byte[] shared = null;
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("XDH");
            agreement.init(mine);
            agreement.doPhase(theirs, true);
            shared = agreement.generateSecret();
            byte[] salt = ByteBuffer.allocate(requesterPublic.length + responderPublic.length)
                    .put(requesterPublic).put(responderPublic).array();
            return hkdf(salt, shared);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("key agreement failed: " + e.getMessage(), e);
        } finally {
            if (shared != null) {
                Arrays.fill(shared, (byte) 0);
            }
        }
    }

    /** HKDF-SHA256 (RFC 5869) with {@link #INFO}, 32 bytes of output: one expand block. */
    static byte[] hkdf(byte[] salt, byte[] inputKey) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] prk = mac.doFinal(inputKey);
        try {
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            mac.update(INFO);
            mac.update((byte) 1);
            return mac.doFinal();
        } finally {
            Arrays.fill(prk, (byte) 0);
        }
    }

    private static Cipher gcm(int mode, byte[] key, byte[] nonce, byte[] context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context);
        return cipher;
    }

    private static PublicKey decode(byte[] encoded) {
        try {
            PublicKey key = KeyFactory.getInstance("XDH").generatePublic(new X509EncodedKeySpec(encoded));
            if (!(key instanceof XECPublicKey xec) || !(xec.getParams() instanceof NamedParameterSpec spec)
                    || !CURVE.equals(spec.getName())) {
                throw new IllegalArgumentException("not an X25519 public key");
            }
            return key;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an X25519 public key", e);
        }
    }
}
