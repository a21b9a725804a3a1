package io.coffer.api.peerunseal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The unseal key in transit between peers (unseal_from_peers): only the holder of the request's ephemeral private
 * key opens the envelope, the envelope is bound to its cluster, requester and responder, tampering is detected,
 * and the messages carry nothing that unseals in clear.
 */
class UnsealKeyEnvelopeTest {

    private static final byte[] UNSEAL_KEY = HexFormat.of()
            .parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    private static final byte[] CONTEXT = UnsealKeyEnvelope.context("group-1", "vault3", "vault2");

    @Test
    void theRequesterOpensWhatTheResponderSealedToItsEphemeralKey() {
        KeyPair requester = UnsealKeyEnvelope.ephemeral();
        UnsealKeyEnvelope.Sealed sealed = UnsealKeyEnvelope.seal(UNSEAL_KEY, requester.getPublic().getEncoded(),
                CONTEXT);
        assertThat(UnsealKeyEnvelope.open(requester, sealed, CONTEXT)).isEqualTo(UNSEAL_KEY);
    }

    @Test
    void anotherEphemeralKeyCannotOpenTheEnvelope() {
        KeyPair requester = UnsealKeyEnvelope.ephemeral();
        UnsealKeyEnvelope.Sealed sealed = UnsealKeyEnvelope.seal(UNSEAL_KEY, requester.getPublic().getEncoded(),
                CONTEXT);
        assertThatThrownBy(() -> UnsealKeyEnvelope.open(UnsealKeyEnvelope.ephemeral(), sealed, CONTEXT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void envelopeIsBoundToClusterRequesterAndResponder() {
        KeyPair requester = UnsealKeyEnvelope.ephemeral();
        UnsealKeyEnvelope.Sealed sealed = UnsealKeyEnvelope.seal(UNSEAL_KEY, requester.getPublic().getEncoded(),
                CONTEXT);
        for (byte[] other : new byte[][] {UnsealKeyEnvelope.context("group-2", "vault3", "vault2"),
            UnsealKeyEnvelope.context("group-1", "vault1", "vault2"),
            UnsealKeyEnvelope.context("group-1", "vault3", "vault1")}) {
            assertThatThrownBy(() -> UnsealKeyEnvelope.open(requester, sealed, other))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void tamperedCiphertextFails() {
        KeyPair requester = UnsealKeyEnvelope.ephemeral();
        UnsealKeyEnvelope.Sealed sealed = UnsealKeyEnvelope.seal(UNSEAL_KEY, requester.getPublic().getEncoded(),
                CONTEXT);
        byte[] tampered = sealed.ciphertext().clone();
        tampered[0] ^= 1;
        assertThatThrownBy(() -> UnsealKeyEnvelope.open(requester,
                new UnsealKeyEnvelope.Sealed(sealed.publicKey(), sealed.nonce(), tampered), CONTEXT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sealingTwiceGivesUnrelatedBytes() {
        byte[] publicKey = UnsealKeyEnvelope.ephemeral().getPublic().getEncoded();
        UnsealKeyEnvelope.Sealed one = UnsealKeyEnvelope.seal(UNSEAL_KEY, publicKey, CONTEXT);
        UnsealKeyEnvelope.Sealed two = UnsealKeyEnvelope.seal(UNSEAL_KEY, publicKey, CONTEXT);
        assertThat(one.publicKey()).isNotEqualTo(two.publicKey());
        assertThat(one.ciphertext()).isNotEqualTo(two.ciphertext());
    }

    @Test
    void aPublicKeyThatIsNotX25519IsRefused() {
        assertThatThrownBy(() -> UnsealKeyEnvelope.seal(UNSEAL_KEY, new byte[44], CONTEXT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messagesRoundTripAndCarryNoKeyInClear() {
        KeyPair requester = UnsealKeyEnvelope.ephemeral();
        PeerUnsealMessages.Request request = new PeerUnsealMessages.Request("vault3",
                requester.getPublic().getEncoded());
        PeerUnsealMessages.Request decoded = PeerUnsealMessages.Request.decode(request.encode());
        assertThat(decoded.nodeId()).isEqualTo("vault3");
        assertThat(decoded.publicKey()).isEqualTo(request.publicKey());

        PeerUnsealMessages.Response response = new PeerUnsealMessages.Response("vault2", "group-1",
                UnsealKeyEnvelope.seal(UNSEAL_KEY, decoded.publicKey(), CONTEXT));
        byte[] wire = response.encode();
        String text = new String(wire, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(HexFormat.of().formatHex(UNSEAL_KEY))
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(UNSEAL_KEY));
        assertThat(indexOf(wire, UNSEAL_KEY)).isEqualTo(-1);
        PeerUnsealMessages.Response back = PeerUnsealMessages.Response.decode(wire);
        assertThat(UnsealKeyEnvelope.open(requester, back.envelope(), CONTEXT)).isEqualTo(UNSEAL_KEY);
    }

    @Test
    void malformedMessagesAreRefused() {
        assertThatThrownBy(() -> PeerUnsealMessages.Request.decode("{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PeerUnsealMessages.Request.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PeerUnsealMessages.Request.decode(new byte[PeerUnsealMessages.MAX_BYTES + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void peerAddressHostIsTheHostPart() {
        assertThat(PeerAddress.host("127.0.0.12:8201")).isEqualTo("127.0.0.12");
        assertThat(PeerAddress.host("vault1.example.com:8201")).isEqualTo("vault1.example.com");
        assertThat(PeerAddress.host("[::1]:8201")).isEqualTo("::1");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
