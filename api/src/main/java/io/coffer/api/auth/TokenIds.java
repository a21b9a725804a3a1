package io.coffer.api.auth;

import io.coffer.api.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Token and accessor identifiers (vault-api.md §6.1): random base62 values from a {@link SecureRandom}, the
 * salted HMAC under which a token is stored, and Vault's rules for caller-chosen ids. Pure and thread-safe.
 */
final class TokenIds {

    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
            .toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LENGTH = 24;

    private TokenIds() {
    }

    /** {@code hvs.} plus 24 random base62 characters. */
    static String newToken() {
        return "hvs." + random(LENGTH);
    }

    /** 24 random base62 characters. */
    static String newAccessor() {
        return random(LENGTH);
    }

    /** A fresh 32-byte salt. */
    static byte[] newSalt() {
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        return salt;
    }

    /** HMAC-SHA256 of {@code token} under {@code salt}, hex: the key a token's entry is stored under. */
    static String hash(byte[] salt, String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Refuses a caller-chosen token id Vault would refuse (400). */
    static void checkCustomId(String id) {
        if (id.startsWith("hvs.")) {
            throw ApiException.badRequest("custom token ID cannot have the 'hvs.' prefix");
        }
        if (id.startsWith("s.")) {
            throw ApiException.badRequest("custom token ID cannot have the 's.' prefix");
        }
        if (id.contains(".")) {
            throw ApiException.badRequest("custom token ID cannot have a '.' in the value");
        }
    }

    /** Vault's display name: {@code token-<name>}, every character outside [a-zA-Z0-9-] replaced by '-'. */
    static String displayName(String requested) {
        if (requested == null || requested.isEmpty()) {
            return "token";
        }
        String full = ("token-" + requested).replaceAll("[^a-zA-Z0-9-]", "-");
        return full.endsWith("-") ? full.substring(0, full.length() - 1) : full;
    }

    private static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = BASE62[RANDOM.nextInt(BASE62.length)];
        }
        return new String(out);
    }
}
