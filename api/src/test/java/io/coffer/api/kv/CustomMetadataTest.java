package io.coffer.api.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** custom_metadata limits and texts from Vault's path_metadata.go. */
class CustomMetadataTest {

    private static final String P = "custom_metadata validation failed: ";

    @ParameterizedTest(name = "[{0}]={1}")
    @CsvSource(delimiter = '|', value = {
        "''|v|length of key \"\" is 0 but must be 0 < len(key) <= 128",
        "k|''|length of value for key \"k\" is 0 but must be 0 < len(value) <= 512",
        "k|a\tb|value for key \"k\" contains unprintable characters",
        "a\u0001b|v|key \"a\\x01b\" (a\u0001b) contains unprintable characters"
    })
    void reportsEachViolation(String key, String value, String message) {
        assertThat(CustomMetadata.violations(Map.of(key, value))).containsExactly(P + message);
    }

    @Test
    void acceptsTheLimitsThemselves() {
        Map<String, String> max = new HashMap<>();
        for (int i = 0; i < 63; i++) {
            max.put("k" + i, "v");
        }
        max.put("k".repeat(128), "v".repeat(512));
        assertThat(CustomMetadata.violations(max)).isEmpty();
        Map<String, String> unicode = Map.of("\u00fcn\u00efc\u00f8d\u00e9 \u2713", "\u5024 with spaces");
        assertThat(CustomMetadata.violations(unicode)).isEmpty();
    }

    @Test
    void lengthsAreCountedInUtf8Bytes() {
        assertThat(CustomMetadata.violations(Map.of("\u00e9".repeat(65), "v"))).hasSize(1);
    }

    @Test
    void moreThan64KeysIsOneErrorAndStopsThere() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 65; i++) {
            many.put("k" + i, "");
        }
        assertThat(CustomMetadata.violations(many))
                .containsExactly(P + "payload must contain at most 64 keys, provided 65");
    }

    @Test
    void validationErrorsUseTheMultiErrorText() {
        assertThatThrownBy(() -> CustomMetadata.validate(Map.of("", "")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).containsExactly(
                        "2 errors occurred:\n\t* " + P + "length of key \"\" is 0 but must be 0 < len(key) <= 128\n\t* "
                                + P + "length of value for key \"\" is 0 but must be 0 < len(value) <= 512\n\n"));
        assertThat(CustomMetadata.multiError(List.of("x"))).isEqualTo("1 error occurred:\n\t* x\n\n");
    }

    @Test
    void scalarsBecomeStringsAndNullsDependOnTheOperation() {
        ObjectNode raw = (ObjectNode) KvFixture.json("{'n':2,'b':true,'s':'x','z':null}");
        assertThat(CustomMetadata.parse(raw, false)).containsExactly(
                Map.entry("b", "1"), Map.entry("n", "2"), Map.entry("s", "x"), Map.entry("z", ""));
        assertThat(CustomMetadata.parse(raw, true)).doesNotContainKey("z");
        ObjectNode nested = (ObjectNode) KvFixture.json("{'a':{'b':'c'}}");
        assertThatThrownBy(() -> CustomMetadata.parse(nested, false)).isInstanceOf(ApiException.class);
    }
}
