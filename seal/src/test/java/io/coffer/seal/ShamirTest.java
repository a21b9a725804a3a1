package io.coffer.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShamirTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void everySubsetOfAtLeastThresholdSharesRecombines() {
        byte[] secret = randomKey();
        List<byte[]> shares = Shamir.split(secret, 5, 3);
        for (int k = 3; k <= 5; k++) {
            List<List<byte[]>> subsets = subsets(shares, k);
            assertThat(subsets).hasSize(k == 3 ? 10 : k == 4 ? 5 : 1);
            for (List<byte[]> subset : subsets) {
                assertThat(Shamir.combine(subset)).isEqualTo(secret);
            }
        }
    }

    @Test
    void shareOrderDoesNotMatter() {
        byte[] secret = randomKey();
        List<byte[]> shares = new ArrayList<>(Shamir.split(secret, 4, 4));
        Collections.reverse(shares);
        assertThat(Shamir.combine(shares)).isEqualTo(secret);
    }

    @Test
    void fewerThanThresholdSharesDoNotGiveTheSecret() {
        byte[] secret = randomKey();
        List<byte[]> shares = Shamir.split(secret, 5, 3);
        for (List<byte[]> subset : subsets(shares, 2)) {
            assertThat(Shamir.combine(subset)).isNotEqualTo(secret);
        }
    }

    @Test
    void sharesAreSecretLengthPlusOneWithDistinctNonZeroX() {
        List<byte[]> shares = Shamir.split(randomKey(), 255, 2);
        Set<Integer> xs = new HashSet<>();
        for (byte[] share : shares) {
            assertThat(share).hasSize(33);
            xs.add(share[32] & 0xFF);
        }
        assertThat(xs).hasSize(255).doesNotContain(0);
    }

    @Test
    void twoHundredFiftyFiveSharesWork() {
        byte[] secret = randomKey();
        assertThat(Shamir.combine(Shamir.split(secret, 255, 255))).isEqualTo(secret);
        List<byte[]> shares = Shamir.split(secret, 255, 3);
        assertThat(Shamir.combine(List.of(shares.get(254), shares.get(0), shares.get(128)))).isEqualTo(secret);
        assertThat(Shamir.combine(shares)).isEqualTo(secret);
    }

    @Test
    void splitUsesFreshRandomnessEachTime() {
        byte[] secret = randomKey();
        List<byte[]> first = Shamir.split(secret, 3, 2);
        List<byte[]> second = Shamir.split(secret, 3, 2);
        assertThat(first.get(0)).isNotEqualTo(second.get(0));
    }

    @Test
    void oneByteSecretRoundTrips() {
        byte[] secret = {0x00};
        assertThat(Shamir.combine(Shamir.split(secret, 2, 2))).isEqualTo(secret);
    }

    /**
     * f(x) = s + 0x57·x for every byte: FIPS-197 §4.2 gives 0x57·0x83 = 0xC1 and 0x57·0x13 = 0xFE, so the shares
     * at x = 0x83 and x = 0x13 are s ^ 0xC1 and s ^ 0xFE, independently of this implementation.
     */
    @Test
    void combineMatchesHandBuiltTwoOfNShares() {
        byte[] secret = "Coffer".getBytes(StandardCharsets.US_ASCII);
        byte[] atX83 = new byte[secret.length + 1];
        byte[] atX13 = new byte[secret.length + 1];
        for (int i = 0; i < secret.length; i++) {
            atX83[i] = (byte) (secret[i] ^ 0xC1);
            atX13[i] = (byte) (secret[i] ^ 0xFE);
        }
        atX83[secret.length] = (byte) 0x83;
        atX13[secret.length] = 0x13;
        assertThat(Shamir.combine(List.of(atX83, atX13))).isEqualTo(secret);
        assertThat(Shamir.combine(List.of(atX13, atX83))).isEqualTo(secret);
    }

    /**
     * Secret "Key!", f(x) = s + c1·x + c2·x^2 with per-byte (c1, c2) = (01,02), (57,83), (ff,fe), (10,20),
     * evaluated at x = 01, 02, 13, 83, ff by a separate reference implementation; last byte of each share is x.
     */
    @Test
    void combineMatchesKnownThreeOfFiveVector() {
        List<byte[]> shares = List.of(hex("48b1781101"), hex("41f1498102"), hex("6420f0e713"),
                hex("ed9de7af83"), hex("920e0a1eff"));
        byte[] secret = "Key!".getBytes(StandardCharsets.US_ASCII);
        for (List<byte[]> subset : subsets(shares, 3)) {
            assertThat(Shamir.combine(subset)).isEqualTo(secret);
        }
        assertThat(Shamir.combine(shares)).isEqualTo(secret);
    }

    @Test
    void duplicateXIsRejected() {
        List<byte[]> shares = Shamir.split(randomKey(), 3, 2);
        byte[] sameX = shares.get(1).clone();
        sameX[32] = shares.get(0)[32];
        assertThatThrownBy(() -> Shamir.combine(List.of(shares.get(0), sameX)))
                .isInstanceOf(SealException.class).hasMessage("duplicate part detected");
        assertThatThrownBy(() -> Shamir.combine(List.of(shares.get(0), shares.get(0))))
                .hasMessage("duplicate part detected");
    }

    @Test
    void splitRejectsBadArgumentsWithVaultTexts() {
        byte[] secret = randomKey();
        assertSplitFails(secret, 2, 3, "parts cannot be less than threshold");
        assertSplitFails(secret, 256, 3, "parts cannot exceed 255");
        assertSplitFails(secret, 300, 256, "parts cannot exceed 255");
        assertSplitFails(secret, 5, 1, "threshold must be at least 2");
        assertSplitFails(secret, 5, 0, "threshold must be at least 2");
        assertSplitFails(new byte[0], 5, 3, "cannot split an empty secret");
    }

    @Test
    void combineRejectsMalformedPartsWithVaultTexts() {
        assertCombineFails(List.of(), "less than two parts cannot be used to reconstruct the secret");
        assertCombineFails(List.of(new byte[33]), "less than two parts cannot be used to reconstruct the secret");
        assertCombineFails(List.of(new byte[1], new byte[1]), "parts must be at least two bytes");
        assertCombineFails(List.of(new byte[33], new byte[32]), "all parts must be the same length");
        assertCombineFails(List.of(new byte[33], new byte[33]), "duplicate part detected");
    }

    @Test
    void splitDoesNotModifyTheSecret() {
        byte[] secret = randomKey();
        byte[] copy = secret.clone();
        Shamir.split(secret, 5, 3);
        assertThat(secret).isEqualTo(copy);
    }

    private static void assertSplitFails(byte[] secret, int parts, int threshold, String message) {
        assertThatThrownBy(() -> Shamir.split(secret, parts, threshold))
                .isInstanceOf(SealException.class).hasMessage(message);
    }

    private static void assertCombineFails(List<byte[]> parts, String message) {
        assertThatThrownBy(() -> Shamir.combine(parts)).isInstanceOf(SealException.class).hasMessage(message);
    }

    static byte[] randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    /** Every k-element subset of {@code items}, in index order. */
    static <T> List<List<T>> subsets(List<T> items, int k) {
        List<List<T>> out = new ArrayList<>();
        collect(items, k, 0, new ArrayList<>(), out);
        return out;
    }

    private static <T> void collect(List<T> items, int k, int from, List<T> current, List<List<T>> out) {
        if (current.size() == k) {
            out.add(List.copyOf(current));
            return;
        }
        for (int i = from; i < items.size(); i++) {
            current.add(items.get(i));
            collect(items, k, i + 1, current, out);
            current.remove(current.size() - 1);
        }
    }
}
