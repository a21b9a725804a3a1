package io.coffer.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class ShareCodecTest {

    private static final String NOT_HEX_OR_BASE64 = "'key' must be a valid hex or base64 string";
    private static final String TOO_SHORT = "invalid key: key is shorter than minimum 16 bytes";
    private static final String TOO_LONG = "invalid key: key is longer than maximum 33 bytes";

    @Test
    void shareOf33BytesIs66LowerCaseHexAnd44Base64() {
        byte[] share = bytes(33);
        share[0] = (byte) 0xAB;
        String hex = ShareCodec.hex(share);
        assertThat(hex).hasSize(66).isLowerCase().startsWith("ab");
        assertThat(ShareCodec.base64(share)).hasSize(44);
        assertThat(ShareCodec.decode(hex)).isEqualTo(share);
        assertThat(ShareCodec.decode(hex.toUpperCase())).isEqualTo(share);
        assertThat(ShareCodec.decode(ShareCodec.base64(share))).isEqualTo(share);
    }

    @Test
    void rawThirtyTwoByteKeyDecodesFrom64HexOrBase64() {
        byte[] key = bytes(32);
        assertThat(ShareCodec.hex(key)).hasSize(64);
        assertThat(ShareCodec.decode(ShareCodec.hex(key))).isEqualTo(key);
        assertThat(ShareCodec.base64(key)).endsWith("=");
        assertThat(ShareCodec.decode(ShareCodec.base64(key))).isEqualTo(key);
    }

    @Test
    void hexOfWrongLengthFallsBackToBase64() {
        // 88 hex digits are 44 bytes as hex (too long), so they are read as base64: 66 bytes, still too long.
        String hexLooking = "ab".repeat(44);
        assertThatThrownBy(() -> ShareCodec.decode(hexLooking)).hasMessage(TOO_LONG);
        // 16 hex digits = 8 bytes as hex (too short); as base64 they are 12 bytes: still too short.
        assertThatThrownBy(() -> ShareCodec.decode("0123456789abcdef")).hasMessage(TOO_SHORT);
        // 24 hex digits = 12 bytes as hex; as base64 they are 18 bytes: accepted as base64.
        String twentyFour = "0123456789abcdef01234567";
        assertThat(ShareCodec.decode(twentyFour)).isEqualTo(Base64.getDecoder().decode(twentyFour));
    }

    @Test
    void invalidTextIsRejected() {
        assertThatThrownBy(() -> ShareCodec.decode("not a key!")).isInstanceOf(SealException.class)
                .hasMessage(NOT_HEX_OR_BASE64);
        String unpadded = Base64.getEncoder().withoutPadding().encodeToString(bytes(32));
        assertThatThrownBy(() -> ShareCodec.decode(unpadded)).hasMessage(NOT_HEX_OR_BASE64);
    }

    @Test
    void lengthLimitsUseVaultTexts() {
        assertThat(ShareCodec.decode(ShareCodec.hex(bytes(16)))).hasSize(16);
        assertThatThrownBy(() -> ShareCodec.decode(ShareCodec.base64(bytes(15)))).isInstanceOf(SealException.class)
                .hasMessage(TOO_SHORT);
        assertThatThrownBy(() -> ShareCodec.decode(ShareCodec.base64(bytes(34)))).hasMessage(TOO_LONG);
        assertThatThrownBy(() -> ShareCodec.decode("")).hasMessage(TOO_SHORT);
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7 + 1);
        }
        return b;
    }
}
