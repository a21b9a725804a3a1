package io.coffer.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class BarrierTest {

    private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
    private static final String PATH = "logical/kv/data/app";
    private static final byte[] VALUE = "{\"password\":\"hunter2\"}".getBytes(StandardCharsets.UTF_8);

    private final Barrier barrier = new Barrier(Keyring.create(ShamirTest.randomKey(), NOW));

    @Test
    void roundTrip() {
        byte[] ciphertext = barrier.encrypt(PATH, VALUE);
        assertThat(barrier.decrypt(PATH, ciphertext)).isEqualTo(VALUE);
        assertThat(barrier.decrypt("", barrier.encrypt("", new byte[0]))).isEmpty();
    }

    @Test
    void formatIsTermVersionNonceCiphertextTag() {
        byte[] ciphertext = barrier.encrypt(PATH, VALUE);
        ByteBuffer header = ByteBuffer.wrap(ciphertext);
        assertThat(header.getInt()).isEqualTo(1);
        assertThat(header.get()).isEqualTo(Barrier.VERSION_PATH_AAD);
        assertThat(ciphertext).hasSize(4 + 1 + 12 + VALUE.length + 16);
        assertThat(barrier.encrypt(PATH, VALUE)).isNotEqualTo(ciphertext);
    }

    @Test
    void tamperedCiphertextFails() {
        byte[] ciphertext = barrier.encrypt(PATH, VALUE);
        for (int i = 5; i < ciphertext.length; i++) {
            byte[] tampered = ciphertext.clone();
            tampered[i] ^= 0x40;
            assertThatThrownBy(() -> barrier.decrypt(PATH, tampered))
                    .isInstanceOf(SealException.class).hasMessage("cipher: message authentication failed");
        }
    }

    @Test
    void ciphertextMovedToOtherPathFails() {
        byte[] ciphertext = barrier.encrypt(PATH, VALUE);
        assertThatThrownBy(() -> barrier.decrypt("logical/kv/data/other", ciphertext))
                .isInstanceOf(SealException.class).hasMessage("cipher: message authentication failed");
    }

    @Test
    void oldTermDecryptsAfterRotate() {
        byte[] underTermOne = barrier.encrypt(PATH, VALUE);
        Barrier rotated = barrier.withKeyring(barrier.keyring().rotate(NOW.plusSeconds(60)));
        byte[] underTermTwo = rotated.encrypt(PATH, VALUE);
        assertThat(ByteBuffer.wrap(underTermTwo).getInt()).isEqualTo(2);
        assertThat(rotated.decrypt(PATH, underTermOne)).isEqualTo(VALUE);
        assertThat(rotated.decrypt(PATH, underTermTwo)).isEqualTo(VALUE);
    }

    @Test
    void unknownTermFails() {
        byte[] underTermTwo = barrier.withKeyring(barrier.keyring().rotate(NOW)).encrypt(PATH, VALUE);
        assertThatThrownBy(() -> barrier.decrypt(PATH, underTermTwo))
                .isInstanceOf(SealException.class).hasMessage("no decryption key available for term 2");
        byte[] hugeTerm = underTermTwo.clone();
        ByteBuffer.wrap(hugeTerm).putInt(0xFFFFFFFF);
        assertThatThrownBy(() -> barrier.decrypt(PATH, hugeTerm))
                .hasMessage("no decryption key available for term 4294967295");
    }

    @Test
    void unknownVersionFails() {
        byte[] ciphertext = barrier.encrypt(PATH, VALUE);
        ciphertext[4] = 3;
        assertThatThrownBy(() -> barrier.decrypt(PATH, ciphertext)).hasMessage("version bytes mis-match");
    }

    @Test
    void tooShortCiphertextFails() {
        assertThatThrownBy(() -> barrier.decrypt(PATH, new byte[32])).isInstanceOf(SealException.class)
                .hasMessage("ciphertext too short");
    }

    @Test
    void legacyVersionOneWithoutAadDecryptsAtAnyPath() throws GeneralSecurityException {
        byte[] key = barrier.keyring().keyOrNull(1);
        byte[] nonce = new byte[12];
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        byte[] sealed = cipher.doFinal(VALUE);
        byte[] legacy = ByteBuffer.allocate(5 + 12 + sealed.length)
                .putInt(1).put(Barrier.VERSION_NO_AAD).put(nonce).put(sealed).array();
        assertThat(barrier.decrypt(PATH, legacy)).isEqualTo(VALUE);
        assertThat(barrier.decrypt("anywhere", legacy)).isEqualTo(VALUE);
    }

    @Test
    void versionTwoUsesThePathAsAad() throws GeneralSecurityException {
        byte[] ciphertext = barrier.encrypt(PATH, VALUE);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(barrier.keyring().keyOrNull(1), "AES"),
                new GCMParameterSpec(128, ciphertext, 5, 12));
        cipher.updateAAD(PATH.getBytes(StandardCharsets.UTF_8));
        assertThat(cipher.doFinal(ciphertext, 17, ciphertext.length - 17)).isEqualTo(VALUE);
    }

    @Test
    void encryptionsAreCountedPerActiveTerm() {
        barrier.encrypt(PATH, VALUE);
        barrier.encrypt(PATH, VALUE);
        barrier.decrypt(PATH, barrier.encrypt(PATH, VALUE));
        assertThat(barrier.encryptions()).isEqualTo(3);
        assertThat(barrier.withKeyring(barrier.keyring()).encryptions()).isEqualTo(3);
        Barrier rotated = barrier.withKeyring(barrier.keyring().rotate(NOW));
        assertThat(rotated.encryptions()).isZero();
        assertThat(rotated.keyring().activeTerm()).isEqualTo(2);
    }
}
