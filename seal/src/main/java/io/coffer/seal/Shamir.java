package io.coffer.seal;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Shamir secret sharing over GF(2^8) with the AES polynomial x^8 + x^4 + x^3 + x + 1 (0x11B), byte-compatible with
 * Vault's {@code shamir} package: shares produced here combine in Vault and vice versa.
 *
 * <p>Share layout: one y byte per secret byte, in order, followed by one x byte. A 32-byte secret therefore yields
 * 33-byte shares. The x coordinates are distinct values in 1..255 (never 0, which would reveal the secret) taken
 * from a {@link SecureRandom} Fisher-Yates shuffle; polynomial coefficients come from the same source.
 *
 * <p>The field arithmetic is constant-time: multiplication is shift-and-xor with masks and the inverse is a^254,
 * so no secret-dependent table lookup or branch occurs. Thread-safe (stateless).
 */
public final class Shamir {

    /** Most parts a split can produce: there are 255 non-zero x coordinates. */
    public static final int MAX_PARTS = 255;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Shamir() {
    }

    /**
     * Splits {@code secret} into {@code parts} shares, any {@code threshold} of which reconstruct it.
     *
     * @param secret    non-empty secret; not modified
     * @param parts     number of shares, {@code threshold <= parts <= 255}
     * @param threshold shares needed to reconstruct, at least 2
     * @return {@code parts} fresh arrays, each {@code secret.length + 1} bytes long (y bytes then the x byte)
     * @throws SealException with Vault's text when an argument is out of range
     */
    public static List<byte[]> split(byte[] secret, int parts, int threshold) {
        Objects.requireNonNull(secret, "secret");
        checkSplitArguments(secret.length, parts, threshold);
        int[] xs = shuffledXCoordinates();
        byte[][] out = new byte[parts][secret.length + 1];
        for (int i = 0; i < parts; i++) {
            out[i][secret.length] = (byte) xs[i];
        }
        byte[] polynomial = new byte[threshold];
        try {
            for (int idx = 0; idx < secret.length; idx++) {
                // A fresh random polynomial of degree threshold-1 per byte, with the secret byte as intercept.
                RANDOM.nextBytes(polynomial);
                polynomial[0] = secret[idx];
                for (int i = 0; i < parts; i++) {
                    out[i][idx] = (byte) evaluate(polynomial, xs[i]);
                }
            }
        } finally {
            Arrays.fill(polynomial, (byte) 0);
        }
        return List.of(out);
    }

    /**
     * Reconstructs a secret from shares by Lagrange interpolation at x = 0.
     *
     * <p>Combine cannot tell a wrong or foreign share from a right one: it then returns a wrong secret, and the
     * caller detects that when the secret fails to authenticate something (see {@link KeyHierarchy#unlock}).
     *
     * @param parts at least two shares of equal length (at least two bytes) with distinct x bytes; not modified
     * @return the secret, one byte shorter than each share
     * @throws SealException with Vault's text when the parts are malformed
     */
    public static byte[] combine(List<byte[]> parts) {
        Objects.requireNonNull(parts, "parts");
        if (parts.size() < 2) {
            throw new SealException("less than two parts cannot be used to reconstruct the secret");
        }
        int length = checkPartLengths(parts);
        int[] xs = distinctXCoordinates(parts, length);
        int[] basis = lagrangeBasisAtZero(xs);
        byte[] secret = new byte[length - 1];
        for (int idx = 0; idx < secret.length; idx++) {
            int value = 0;
            for (int i = 0; i < xs.length; i++) {
                value ^= mul(parts.get(i)[idx] & 0xFF, basis[i]);
            }
            secret[idx] = (byte) value;
        }
        return secret;
    }

    private static void checkSplitArguments(int secretLength, int parts, int threshold) {
        // Same checks, same order, same texts as Vault. threshold > 255 cannot get past the first two checks.
        if (parts < threshold) {
            throw new SealException("parts cannot be less than threshold");
        }
        if (parts > MAX_PARTS) {
            throw new SealException("parts cannot exceed 255");
        }
        if (threshold < 2) {
            throw new SealException("threshold must be at least 2");
        }
        if (secretLength == 0) {
            throw new SealException("cannot split an empty secret");
        }
    }

    private static int checkPartLengths(List<byte[]> parts) {
        int length = Objects.requireNonNull(parts.get(0), "part").length;
        if (length < 2) {
            throw new SealException("parts must be at least two bytes");
        }
        for (byte[] part : parts) {
            if (Objects.requireNonNull(part, "part").length != length) {
                throw new SealException("all parts must be the same length");
            }
        }
        return length;
    }

    private static int[] distinctXCoordinates(List<byte[]> parts, int length) {
        // More than 255 parts always repeats an x, so the seen table also bounds the count.
        boolean[] seen = new boolean[256];
        int[] xs = new int[parts.size()];
        for (int i = 0; i < xs.length; i++) {
            int x = parts.get(i)[length - 1] & 0xFF;
            if (seen[x]) {
                throw new SealException("duplicate part detected");
            }
            seen[x] = true;
            xs[i] = x;
        }
        return xs;
    }

    /** All 255 non-zero x coordinates in uniformly random order (Fisher-Yates). */
    private static int[] shuffledXCoordinates() {
        int[] xs = new int[MAX_PARTS];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i + 1;
        }
        for (int i = xs.length - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            int tmp = xs[i];
            xs[i] = xs[j];
            xs[j] = tmp;
        }
        return xs;
    }

    /**
     * Lagrange basis polynomials evaluated at 0: {@code l_i(0) = prod_{j != i} x_j / (x_i - x_j)}, computed as one
     * product over another so each part costs one inversion. They depend only on the public x coordinates, so
     * they are shared by every byte position.
     */
    private static int[] lagrangeBasisAtZero(int[] xs) {
        int[] basis = new int[xs.length];
        for (int i = 0; i < xs.length; i++) {
            int numerator = 1;
            int denominator = 1;
            for (int j = 0; j < xs.length; j++) {
                if (i != j) {
                    numerator = mul(numerator, xs[j]);
                    denominator = mul(denominator, xs[i] ^ xs[j]);
                }
            }
            basis[i] = div(numerator, denominator);
        }
        return basis;
    }

    /** Horner's rule; {@code polynomial[0]} is the intercept. */
    private static int evaluate(byte[] polynomial, int x) {
        int out = polynomial[polynomial.length - 1] & 0xFF;
        for (int i = polynomial.length - 2; i >= 0; i--) {
            out = mul(out, x) ^ (polynomial[i] & 0xFF);
        }
        return out;
    }

    /** Product in GF(2^8) mod 0x11B, constant-time: eight rounds of masked shift-and-xor, no branches. */
    static int mul(int a, int b) {
        int product = 0;
        int shifted = a & 0xFF;
        for (int i = 0; i < 8; i++) {
            product ^= -((b >> i) & 1) & shifted;
            shifted = (shifted << 1) ^ (-(shifted >> 7) & 0x11B);
        }
        return product;
    }

    /** Multiplicative inverse as a^254 (fixed square-and-multiply chain); inverse(0) = 0. */
    static int inverse(int a) {
        int result = 1;
        int square = a & 0xFF;
        for (int i = 0; i < 7; i++) {
            square = mul(square, square);
            result = mul(result, square);
        }
        return result;
    }

    /** a / b for b != 0; 0 / b = 0. Callers guarantee b != 0 (distinct x coordinates). */
    static int div(int a, int b) {
        return mul(a, inverse(b));
    }
}
