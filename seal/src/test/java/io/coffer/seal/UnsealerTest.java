package io.coffer.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnsealerTest {

    private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");

    private final KeyHierarchy.Initialized init = KeyHierarchy.initialize(SealConfig.shamir(5, 3), NOW);
    private final Unsealer unsealer = new Unsealer(SealConfig.shamir(5, 3));

    @Test
    void progressCountsSharesUntilThresholdThenYieldsTheUnsealKey() {
        assertThat(unsealer.progress()).isZero();
        assertThat(unsealer.submit(share(4))).isEmpty();
        assertThat(unsealer.progress()).isEqualTo(1);
        assertThat(unsealer.submit(share(0))).isEmpty();
        assertThat(unsealer.progress()).isEqualTo(2);
        Optional<byte[]> key = unsealer.submit(share(2));
        assertThat(key).isPresent();
        assertThat(unsealer.progress()).isZero();
        Keyring keyring = KeyHierarchy.unlock(key.get(), init.sealedRootKey(), init.encryptedKeyring());
        assertThat(keyring.rootKey()).isEqualTo(init.keyring().rootKey());
    }

    @Test
    void nonceIsCreatedOnFirstShareKeptDuringAttemptAndClearedAtTheEnd() {
        assertThat(unsealer.nonce()).isEmpty();
        unsealer.submit(share(0));
        String nonce = unsealer.nonce();
        assertThat(UUID.fromString(nonce).toString()).isEqualTo(nonce);
        unsealer.submit(share(1));
        assertThat(unsealer.nonce()).isEqualTo(nonce);
        unsealer.submit(share(2));
        assertThat(unsealer.nonce()).isEmpty();
        unsealer.submit(share(3));
        assertThat(unsealer.nonce()).isNotEmpty().isNotEqualTo(nonce);
    }

    @Test
    void duplicateShareIsIgnored() {
        unsealer.submit(share(1));
        assertThat(unsealer.submit(share(1).clone())).isEmpty();
        assertThat(unsealer.progress()).isEqualTo(1);
        unsealer.submit(share(2));
        assertThat(unsealer.submit(share(2))).isEmpty();
        assertThat(unsealer.progress()).isEqualTo(2);
        assertThat(unsealer.submit(share(3))).isPresent();
    }

    @Test
    void resetDiscardsTheAttempt() {
        unsealer.submit(share(0));
        unsealer.submit(share(1));
        unsealer.reset();
        assertThat(unsealer.progress()).isZero();
        assertThat(unsealer.nonce()).isEmpty();
        unsealer.submit(share(2));
        unsealer.submit(share(3));
        assertThat(unsealer.progress()).isEqualTo(2);
        assertThat(unsealer.submit(share(4))).isPresent();
    }

    @Test
    void wrongSharesStillEndTheAttemptWithAWrongKey() {
        KeyHierarchy.Initialized other = KeyHierarchy.initialize(SealConfig.shamir(5, 3), NOW);
        List<byte[]> shares = other.shares();
        unsealer.submit(shares.get(0));
        unsealer.submit(shares.get(1));
        byte[] wrongKey = unsealer.submit(shares.get(2)).orElseThrow();
        assertThat(unsealer.progress()).isZero();
        assertThatThrownBy(() -> KeyHierarchy.unlock(wrongKey, init.sealedRootKey(), init.encryptedKeyring()))
                .hasMessage("failed to decrypt keys from storage: cipher: message authentication failed");
    }

    @Test
    void combineFailureThrowsAndResets() {
        byte[] sameX = share(1).clone();
        sameX[32] = share(0)[32];
        unsealer.submit(share(0));
        unsealer.submit(sameX);
        assertThatThrownBy(() -> unsealer.submit(share(2)))
                .isInstanceOf(SealException.class).hasMessage("duplicate part detected");
        assertThat(unsealer.progress()).isZero();
        assertThat(unsealer.nonce()).isEmpty();
        unsealer.submit(new byte[16]);
        unsealer.submit(new byte[17]);
        assertThatThrownBy(() -> unsealer.submit(share(2))).hasMessage("all parts must be the same length");
        assertThat(unsealer.progress()).isZero();
    }

    @Test
    void thresholdOneUsesTheSubmittedKeyAsIs() {
        KeyHierarchy.Initialized single = KeyHierarchy.initialize(SealConfig.shamir(1, 1), NOW);
        Unsealer one = new Unsealer(SealConfig.shamir(1, 1));
        byte[] key = one.submit(single.shares().get(0)).orElseThrow();
        assertThat(key).isEqualTo(single.shares().get(0));
        assertThat(one.progress()).isZero();
        assertThat(one.nonce()).isEmpty();
        assertThat(KeyHierarchy.unlock(key, single.sealedRootKey(), single.encryptedKeyring()).activeTerm())
                .isEqualTo(1);
    }

    @Test
    void submittedShareIsCopied() {
        byte[] mine = share(0).clone();
        unsealer.submit(mine);
        mine[0] ^= 1;
        unsealer.submit(share(1));
        byte[] key = unsealer.submit(share(2)).orElseThrow();
        assertThat(KeyHierarchy.unlock(key, init.sealedRootKey(), init.encryptedKeyring())).isNotNull();
    }

    @Test
    void invalidConfigIsRejected() {
        assertThatThrownBy(() -> new Unsealer(SealConfig.shamir(3, 5)))
                .hasMessage("invalid seal configuration: threshold cannot be larger than shares");
        assertThat(unsealer.config()).isEqualTo(SealConfig.shamir(5, 3));
    }

    private byte[] share(int i) {
        return init.shares().get(i);
    }
}
