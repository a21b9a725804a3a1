package io.coffer.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.api.ApiException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code file} device options of vault-api.md §8.2 and their defaults. */
class DeviceOptionsTest {

    @Test
    void defaultsAreVaults() {
        DeviceOptions options = DeviceOptions.parse(Map.of("file_path", "/var/log/audit.log"));
        assertThat(options).isEqualTo(new DeviceOptions("/var/log/audit.log", 0600, false, true, "", false,
                false));
    }

    @Test
    void pathIsAnAliasOfFilePathAndStdoutAndDiscardAreNormalised() {
        assertThat(DeviceOptions.parse(Map.of("path", "/x")).filePath()).isEqualTo("/x");
        assertThat(DeviceOptions.parse(Map.of("file_path", "STDOUT")).filePath()).isEqualTo("stdout");
        assertThat(DeviceOptions.parse(Map.of("file_path", "Discard")).filePath()).isEqualTo("discard");
    }

    @Test
    void optionsAreParsedAsVaultDoes() {
        DeviceOptions options = DeviceOptions.parse(Map.of("file_path", "/x", "mode", "0640", "log_raw", "1",
                "hmac_accessor", "false", "prefix", "@cee:", "elide_list_responses", "t", "skip_test", "true"));
        assertThat(options).isEqualTo(new DeviceOptions("/x", 0640, true, false, "@cee:", true, true));
        assertThat(DeviceOptions.parse(Map.of("file_path", "/x", "mode", "0000")).mode()).isZero();
    }

    @Test
    void missingPathIsRefused() {
        assertThatThrownBy(() -> DeviceOptions.parse(Map.of("mode", "0600")))
                .isInstanceOf(ApiException.class).hasMessageContaining("\"file_path\" is required");
    }

    @Test
    void malformedValuesAreRefusedWith400() {
        assertThatThrownBy(() -> DeviceOptions.parse(Map.of("file_path", "/x", "mode", "rw-")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> DeviceOptions.parse(Map.of("file_path", "/x", "log_raw", "yes")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> DeviceOptions.parse(Map.of("file_path", "/x", "format", "xml")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}
