package io.coffer.seal;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Text forms of unseal keys and shares, as {@code sys/init} returns them and {@code sys/unseal} accepts them
 * (vault-api.md §2.3, §13.3): lower-case hex and standard padded base64. Thread-safe (stateless).
 */
public final class ShareCodec {

    /** Shortest key {@code sys/unseal} accepts, in bytes. */
    public static final int MIN_KEY_BYTES = 16;
    /** Longest key {@code sys/unseal} accepts, in bytes (a share of a 32-byte key). */
    public static final int MAX_KEY_BYTES = 33;

    private static final HexFormat HEX = HexFormat.of();

    private ShareCodec() {
    }

    /**
     * Decodes a submitted key the way Vault does: hex first (either case); if that fails or yields a length outside
     * [16, 33] bytes, standard base64 (padding required, as in Go's {@code StdEncoding}).
     *
     * @param key the {@code key} field of a {@code sys/unseal} request
     * @return the decoded bytes, 16 to 33 long
     * @throws SealException {@code "'key' must be a valid hex or base64 string"} when neither decoding applies,
     *                       {@code "invalid key: key is shorter than minimum 16 bytes"} or
     *                       {@code "invalid key: key is longer than maximum 33 bytes"} for a bad length
     */
    public static byte[] decode(String key) {
        Objects.requireNonNull(key, "key");
        byte[] raw = decodeHexOrNull(key);
        if (raw == null || raw.length < MIN_KEY_BYTES || raw.length > MAX_KEY_BYTES) {
            raw = decodeBase64OrNull(key);
            if (raw == null) {
                throw new SealException("'key' must be a valid hex or base64 string");
            }
        }
        if (raw.length < MIN_KEY_BYTES) {
            throw new SealException("invalid key: key is shorter than minimum 16 bytes");
        }
        if (raw.length > MAX_KEY_BYTES) {
            throw new SealException("invalid key: key is longer than maximum 33 bytes");
        }
        return raw;
    }

    /**
     * @return lower-case hex, as in {@code keys} of the {@code sys/init} response
     */
    public static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    /**
     * @return standard base64 with padding, as in {@code keys_base64} of the {@code sys/init} response
     */
    public static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static byte[] decodeHexOrNull(String key) {
        try {
            return HEX.parseHex(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] decodeBase64OrNull(String key) {
        // Java's decoder also accepts unpadded input; Go's StdEncoding does not, so require whole quanta.
        if (key.length() % 4 != 0) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
