package io.coffer.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyringTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00.123456789Z");
    private static final Instant T1 = Instant.parse("2024-02-01T00:00:00Z");

    @Test
    void createStartsAtTermOne() {
        byte[] root = ShamirTest.randomKey();
        Keyring keyring = Keyring.create(root, T0);
        assertThat(keyring.activeTerm()).isEqualTo(1);
        assertThat(keyring.terms()).containsExactly(1);
        assertThat(keyring.installTime(1)).isEqualTo(T0);
        assertThat(keyring.rootKey()).isEqualTo(root);
        assertThat(keyring.keyOrNull(1)).hasSize(32).isNotEqualTo(root);
    }

    @Test
    void rotateAddsNextTermAndLeavesOriginalUnchanged() {
        Keyring first = Keyring.create(ShamirTest.randomKey(), T0);
        Keyring second = first.rotate(T1);
        assertThat(first.activeTerm()).isEqualTo(1);
        assertThat(second.activeTerm()).isEqualTo(2);
        assertThat(second.terms()).containsExactly(1, 2);
        assertThat(second.installTime(2)).isEqualTo(T1);
        assertThat(second.keyOrNull(1)).isEqualTo(first.keyOrNull(1));
        assertThat(second.keyOrNull(2)).isNotEqualTo(first.keyOrNull(1));
        assertThat(second.rootKey()).isEqualTo(first.rootKey());
    }

    @Test
    void encodeDecodeRoundTrips() {
        Keyring keyring = Keyring.create(ShamirTest.randomKey(), T0).rotate(T1).rotate(T1.plusSeconds(5));
        Keyring decoded = Keyring.decode(keyring.encode());
        assertThat(decoded.activeTerm()).isEqualTo(3);
        assertThat(decoded.terms()).containsExactly(1, 2, 3);
        assertThat(decoded.rootKey()).isEqualTo(keyring.rootKey());
        for (int term = 1; term <= 3; term++) {
            assertThat(decoded.installTime(term)).isEqualTo(keyring.installTime(term));
            assertThat(decoded.keyOrNull(term)).isEqualTo(keyring.keyOrNull(term));
        }
        assertThat(decoded.encode()).isEqualTo(keyring.encode());
    }

    @Test
    void decodeRejectsMalformedBytes() {
        byte[] good = Keyring.create(ShamirTest.randomKey(), T0).encode();
        byte[] badVersion = good.clone();
        badVersion[0] = 9;
        byte[] trailing = HexFormat.of().parseHex(HexFormat.of().formatHex(good) + "00");
        byte[] truncated = Arrays.copyOf(good, good.length - 1);
        for (byte[] bad : new byte[][] {new byte[0], badVersion, trailing, truncated}) {
            assertThatThrownBy(() -> Keyring.decode(bad))
                    .isInstanceOf(SealException.class).hasMessage("invalid keyring encoding");
        }
    }

    @Test
    void unknownTermHasNoInstallTime() {
        Keyring keyring = Keyring.create(ShamirTest.randomKey(), T0);
        assertThatThrownBy(() -> keyring.installTime(2)).isInstanceOf(SealException.class);
        assertThat(keyring.keyOrNull(2)).isNull();
    }

    @Test
    void rootKeyMustBe32BytesAndIsCopied() {
        assertThatThrownBy(() -> Keyring.create(new byte[16], T0)).isInstanceOf(SealException.class);
        byte[] root = ShamirTest.randomKey();
        Keyring keyring = Keyring.create(root, T0);
        byte[] copy = root.clone();
        root[0] ^= 1;
        keyring.rootKey()[1] ^= 1;
        assertThat(keyring.rootKey()).isEqualTo(copy);
    }

    @Test
    void toStringShowsNoKeyMaterial() {
        Keyring keyring = Keyring.create(ShamirTest.randomKey(), T0).rotate(T1);
        assertThat(keyring.toString()).isEqualTo("Keyring[activeTerm=2, terms=2]");
    }
}
