package io.coffer.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SealConfigTest {

    @Test
    void validConfigurationsPass() {
        for (int[] nt : new int[][] {{1, 1}, {5, 3}, {2, 2}, {255, 255}, {255, 2}}) {
            assertThatCode(() -> SealConfig.shamir(nt[0], nt[1]).validate()).doesNotThrowAnyException();
        }
    }

    @Test
    void validateUsesVaultTextsWithPrefixInVaultOrder() {
        assertInvalid(0, 0, "shares must be at least one");
        assertInvalid(-1, 3, "shares must be at least one");
        assertInvalid(5, 0, "threshold must be at least one");
        assertInvalid(300, 0, "threshold must be at least one");
        assertInvalid(5, 1, "threshold must be greater than one for multiple shares");
        assertInvalid(300, 1, "threshold must be greater than one for multiple shares");
        assertInvalid(256, 3, "shares must be less than 256");
        assertInvalid(256, 256, "shares must be less than 256");
        assertInvalid(200, 256, "threshold must be less than 256");
        assertInvalid(3, 5, "threshold cannot be larger than shares");
        assertInvalid(1, 2, "threshold cannot be larger than shares");
    }

    @Test
    void shamirFactorySetsType() {
        assertThat(SealConfig.shamir(5, 3)).isEqualTo(new SealConfig("shamir", 5, 3));
        assertThat(SealConfig.shamir(5, 3).type()).isEqualTo(SealConfig.SHAMIR);
    }

    @Test
    void encodeDecodeRoundTrips() {
        for (SealConfig config : new SealConfig[] {SealConfig.shamir(5, 3), SealConfig.shamir(1, 1),
            new SealConfig("awskms", 0, 0), SealConfig.shamir(255, 255)}) {
            assertThat(SealConfig.decode(config.encode())).isEqualTo(config);
        }
    }

    @Test
    void encodingIsStableText() {
        assertThat(new String(SealConfig.shamir(5, 3).encode(), StandardCharsets.UTF_8))
                .isEqualTo("version=1\ntype=shamir\nsecret_shares=5\nsecret_threshold=3\n");
    }

    @Test
    void decodeIgnoresUnknownKeys() {
        byte[] encoded = "version=1\ntype=shamir\nsecret_shares=5\nsecret_threshold=3\nstored_shares=1\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(SealConfig.decode(encoded)).isEqualTo(SealConfig.shamir(5, 3));
    }

    @Test
    void decodeRejectsGarbage() {
        for (String text : new String[] {"", "garbage", "version=2\ntype=shamir\nsecret_shares=5\nsecret_threshold=3",
            "version=1\ntype=shamir\nsecret_shares=5", "version=1\ntype=shamir\nsecret_shares=x\nsecret_threshold=3",
            "version=1\ntype=Bad Type\nsecret_shares=5\nsecret_threshold=3",
            "version=1\nversion=1\ntype=shamir\nsecret_shares=5\nsecret_threshold=3"}) {
            assertThatThrownBy(() -> SealConfig.decode(text.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(SealException.class).hasMessage("invalid stored seal configuration");
        }
    }

    @Test
    void typeMustBeALowerCaseToken() {
        assertThatThrownBy(() -> new SealConfig("sha\nmir", 1, 1)).isInstanceOf(SealException.class);
        assertThatThrownBy(() -> new SealConfig("", 1, 1)).isInstanceOf(SealException.class);
    }

    private static void assertInvalid(int shares, int threshold, String text) {
        assertThatThrownBy(() -> SealConfig.shamir(shares, threshold).validate())
                .isInstanceOf(SealException.class)
                .hasMessage("invalid seal configuration: " + text);
    }
}
