package io.coffer.api.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.Timestamps;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Request-field coercion (vault-api.md §1.2) and timestamp text. */
class KvFieldsTest {

    private static ObjectNode body(String json) {
        return (ObjectNode) KvFixture.json(json);
    }

    @ParameterizedTest(name = "versions={0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "[1,2]|1,2", "['1','2']|1,2", "'1,2'|1,2", "'1, 3'|1,3", "3|3", "'7'|7", "[]|-", "''|-", "null|-"
    })
    void versionListsAcceptEveryClientForm(String json, String expected) {
        List<Long> parsed = KvFields.intList(body("{'versions':" + json + "}"), "versions");
        List<Long> want = expected.equals("-") ? List.of()
                : Arrays.stream(expected.split(",")).map(Long::valueOf).toList();
        assertThat(parsed).isEqualTo(want);
    }

    @Test
    void badVersionListIsAConversionError() {
        assertThatThrownBy(() -> KvFields.intList(body("{'versions':'1,x'}"), "versions"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors().get(0))
                        .startsWith("error converting input 1,x for field \"versions\": "));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "true|true", "false|false", "'true'|true", "'1'|true", "'t'|true", "'False'|false", "'0'|false",
        "1|true", "0|false", "''|false", "null|false"
    })
    void booleansAreGoBooleans(String json, boolean expected) {
        assertThat(KvFields.bool(body("{'b':" + json + "}"), "b")).contains(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"5|5", "'5'|5", "''|0", "-3|-3", "true|1"})
    void integersAcceptNumbersAndNumericStrings(String json, long expected) {
        assertThat(KvFields.integer(body("{'n':" + json + "}"), "n")).contains(expected);
    }

    @ParameterizedTest(name = "{0} is rejected")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"'abc'", "1.5", "[1]", "{}"})
    void integersRejectTheRest(String json) {
        assertThatThrownBy(() -> KvFields.integer(body("{'n':" + json + "}"), "n"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void unsignedDurationsRejectNegatives() {
        assertThatThrownBy(() -> KvFields.durationSeconds(body("{'d':'-1s'}"), "d", false))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).containsExactly(
                        "error converting input -1s for field \"d\": cannot provide negative value '-1'"));
        assertThat(KvFields.durationSeconds(body("{'d':'-1s'}"), "d", true)).contains(-1L);
        assertThat(KvFields.durationSeconds(body("{}"), "d", true)).isEmpty();
    }

    @Test
    void mapsMustBeObjects() {
        assertThat(KvFields.map(body("{'m':null}"), "m")).hasValueSatisfying(m -> assertThat(m).isEmpty());
        assertThatThrownBy(() -> KvFields.map(body("{'m':'x'}"), "m")).isInstanceOf(ApiException.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2024-05-01T12:00:00.123456789Z,2024-05-01T12:00:00.123456789Z",
        "2024-05-01T12:30:00.100Z,2024-05-01T12:30:00.1Z",
        "2024-05-01T12:30:00Z,2024-05-01T12:30:00Z",
        "2024-05-01T12:30:00.000001Z,2024-05-01T12:30:00.000001Z"
    })
    void timestampsAreGoRfc3339Nano(String instant, String text) {
        assertThat(Timestamps.format(Instant.parse(instant))).isEqualTo(text);
        assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(instant));
        assertThat(Timestamps.format(null)).isEmpty();
    }
}
