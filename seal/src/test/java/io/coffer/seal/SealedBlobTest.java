package io.coffer.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SealedBlobTest {

    private static final String AUTH_FAILED = "cipher: message authentication failed";

    @Test
    void roundTripAddsNonceAndTag() {
        byte[] key = ShamirTest.randomKey();
        byte[] plaintext = "root key".getBytes(StandardCharsets.UTF_8);
        byte[] blob = SealedBlob.seal(key, plaintext);
        assertThat(blob).hasSize(plaintext.length + SealedBlob.OVERHEAD);
        assertThat(SealedBlob.OVERHEAD).isEqualTo(28);
        assertThat(SealedBlob.open(key, blob)).isEqualTo(plaintext);
        assertThat(SealedBlob.open(key, SealedBlob.seal(key, new byte[0]))).isEmpty();
    }

    @Test
    void sealingTwiceUsesFreshNonces() {
        byte[] key = ShamirTest.randomKey();
        byte[] plaintext = new byte[16];
        assertThat(SealedBlob.seal(key, plaintext)).isNotEqualTo(SealedBlob.seal(key, plaintext));
    }

    @Test
    void wrongKeyFails() {
        byte[] blob = SealedBlob.seal(ShamirTest.randomKey(), new byte[32]);
        assertThatThrownBy(() -> SealedBlob.open(ShamirTest.randomKey(), blob))
                .isInstanceOf(SealException.class).hasMessage(AUTH_FAILED);
        assertThatThrownBy(() -> SealedBlob.open(new byte[33], blob)).hasMessage(AUTH_FAILED);
    }

    @Test
    void tamperedOrTruncatedBlobFails() {
        byte[] key = ShamirTest.randomKey();
        byte[] blob = SealedBlob.seal(key, new byte[32]);
        for (int i : new int[] {0, 11, 12, 40, blob.length - 1}) {
            byte[] tampered = blob.clone();
            tampered[i] ^= 1;
            assertThatThrownBy(() -> SealedBlob.open(key, tampered)).hasMessage(AUTH_FAILED);
        }
        assertThatThrownBy(() -> SealedBlob.open(key, new byte[27])).hasMessage(AUTH_FAILED);
        assertThatThrownBy(() -> SealedBlob.open(key, new byte[0])).hasMessage(AUTH_FAILED);
    }

    @Test
    void sealRequiresA32ByteKey() {
        assertThatThrownBy(() -> SealedBlob.seal(new byte[16], new byte[1])).isInstanceOf(SealException.class);
    }
}
