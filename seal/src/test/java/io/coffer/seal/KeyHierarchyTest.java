package io.coffer.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyHierarchyTest {

    private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
    private static final String WRONG_KEY =
            "failed to decrypt keys from storage: cipher: message authentication failed";

    @Test
    void anyThresholdSubsetUnlocksTheKeyring() {
        KeyHierarchy.Initialized init = KeyHierarchy.initialize(SealConfig.shamir(5, 3), NOW);
        assertThat(init.shares()).hasSize(5).allSatisfy(share -> assertThat(share).hasSize(33));
        for (List<byte[]> subset : ShamirTest.subsets(init.shares(), 3)) {
            Keyring keyring = KeyHierarchy.unlock(Shamir.combine(subset), init.sealedRootKey(),
                    init.encryptedKeyring());
            assertThat(keyring.rootKey()).isEqualTo(init.keyring().rootKey());
            assertThat(keyring.keyOrNull(1)).isEqualTo(init.keyring().keyOrNull(1));
            assertThat(keyring.installTime(1)).isEqualTo(NOW);
        }
    }

    @Test
    void wrongSharesFailWithVaultText() {
        KeyHierarchy.Initialized init = KeyHierarchy.initialize(SealConfig.shamir(5, 3), NOW);
        KeyHierarchy.Initialized other = KeyHierarchy.initialize(SealConfig.shamir(5, 3), NOW);
        byte[] first = init.shares().get(0);
        byte[] second = init.shares().get(1);
        byte[] stranger = other.shares().stream()
                .filter(s -> s[32] != first[32] && s[32] != second[32]).findFirst().orElseThrow();
        assertUnlockFails(Shamir.combine(List.of(first, second, stranger)), init);
        assertUnlockFails(Shamir.combine(init.shares().subList(0, 2)), init);
        assertUnlockFails(new byte[32], init);
        assertUnlockFails(new byte[16], init);
        assertUnlockFails(init.shares().get(0), init);
    }

    @Test
    void singleShareIsTheRawUnsealKey() {
        KeyHierarchy.Initialized init = KeyHierarchy.initialize(SealConfig.shamir(1, 1), NOW);
        assertThat(init.shares()).hasSize(1);
        byte[] key = init.shares().get(0);
        assertThat(key).hasSize(32);
        assertThat(ShareCodec.hex(key)).hasSize(64);
        Keyring keyring = KeyHierarchy.unlock(key, init.sealedRootKey(), init.encryptedKeyring());
        assertThat(keyring.rootKey()).isEqualTo(init.keyring().rootKey());
    }

    @Test
    void rotatedKeyringPersistsUnderTheSameUnsealKey() {
        KeyHierarchy.Initialized init = KeyHierarchy.initialize(SealConfig.shamir(3, 2), NOW);
        Keyring rotated = init.keyring().rotate(NOW.plusSeconds(1));
        byte[] stored = KeyHierarchy.encryptKeyring(rotated);
        Keyring unlocked = KeyHierarchy.unlock(Shamir.combine(init.shares().subList(1, 3)),
                init.sealedRootKey(), stored);
        assertThat(unlocked.activeTerm()).isEqualTo(2);
        assertThat(unlocked.keyOrNull(2)).isEqualTo(rotated.keyOrNull(2));
    }

    @Test
    void keyringIsABarrierValueAtCoreKeyringUnderTheRootKey() {
        KeyHierarchy.Initialized init = KeyHierarchy.initialize(SealConfig.shamir(1, 1), NOW);
        Barrier rootBarrier = new Barrier(Keyring.singleTerm(init.keyring().rootKey()));
        byte[] encoded = rootBarrier.decrypt(KeyHierarchy.KEYRING_PATH, init.encryptedKeyring());
        assertThat(Keyring.decode(encoded).keyOrNull(1)).isEqualTo(init.keyring().keyOrNull(1));
        assertThatThrownBy(() -> rootBarrier.decrypt("core/other", init.encryptedKeyring()))
                .isInstanceOf(SealException.class);
    }

    @Test
    void keyringOfAnotherClusterIsRejected() {
        KeyHierarchy.Initialized init = KeyHierarchy.initialize(SealConfig.shamir(1, 1), NOW);
        KeyHierarchy.Initialized other = KeyHierarchy.initialize(SealConfig.shamir(1, 1), NOW);
        assertThatThrownBy(() -> KeyHierarchy.unlock(init.shares().get(0), init.sealedRootKey(),
                other.encryptedKeyring()))
                .isInstanceOf(SealException.class)
                .hasMessage("failed to decrypt keyring: cipher: message authentication failed");
    }

    @Test
    void initializeValidatesTheConfig() {
        assertThatThrownBy(() -> KeyHierarchy.initialize(SealConfig.shamir(5, 1), NOW))
                .isInstanceOf(SealException.class)
                .hasMessage("invalid seal configuration: threshold must be greater than one for multiple shares");
        assertThatThrownBy(() -> KeyHierarchy.initialize(new SealConfig("awskms", 1, 1), NOW))
                .hasMessage("unsupported seal type: awskms");
    }

    @Test
    void toStringShowsNoSecrets() {
        KeyHierarchy.Initialized init = KeyHierarchy.initialize(SealConfig.shamir(5, 3), NOW);
        assertThat(init.toString()).isEqualTo("Initialized[shares=5, Keyring[activeTerm=1, terms=1]]");
    }

    private static void assertUnlockFails(byte[] unsealKey, KeyHierarchy.Initialized init) {
        assertThatThrownBy(() -> KeyHierarchy.unlock(unsealKey, init.sealedRootKey(), init.encryptedKeyring()))
                .isInstanceOf(SealException.class).hasMessage(WRONG_KEY);
    }
}
