package io.coffer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Go's {@code time.ParseDuration} / {@code Duration.String} cases, plus Vault's lenient seconds reader and the
 * CLI's {@code humanDuration}.
 */
class GoDurationTest {

    private static final long HOUR = 3600;

    @ParameterizedTest(name = "parse({0}) = {1}ns")
    @CsvSource(delimiter = '|', value = {
        "0|0", "5s|5000000000", "30s|30000000000", "1478s|1478000000000", "-5s|-5000000000", "+5s|5000000000",
        "-0|0", "+0|0", "5.0s|5000000000", "5.6s|5600000000", "5.s|5000000000", ".5s|500000000",
        "1.004s|1004000000", "100.00100s|100001000000", "10ns|10", "11us|11000", "12\u00b5s|12000",
        "12\u03bcs|12000", "13ms|13000000", "15m|900000000000", "16h|57600000000000", "3h30m|12600000000000",
        "10.5s4m|250500000000", "-2m3.4s|-123400000000", "1h2m3s4ms5us6ns|3723004005006",
        "39h9m14.425s|140954425000000", "0.3333333333333333333h|1200000000000", "1.5h|5400000000000",
        "300ms|300000000", "768h0m0s|2764800000000000", "0s0ns|0", "7200s0ns|7200000000000",
        "9223372036854775807ns|9223372036854775807", "9223372036854775.807us|9223372036854775807",
        "-9223372036854775808ns|-9223372036854775808", "0.830103483285477580700h|2988372539827"
    })
    void parsesGoDurations(String text, long nanos) {
        assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest(name = "parse({0}) fails: {1}")
    @CsvSource(delimiter = '|', value = {
        "''|time: invalid duration \"\"", "3|time: missing unit in duration \"3\"", "-|time: invalid duration \"-\"",
        "s|time: invalid duration \"s\"", ".|time: invalid duration \".\"", ".s|time: invalid duration \".s\"",
        "1d|time: unknown unit \"d\" in duration \"1d\"", "1.5|time: missing unit in duration \"1.5\"",
        "9223372036854775808ns|time: invalid duration \"9223372036854775808ns\"",
        "-9223372036854775809ns|time: invalid duration \"-9223372036854775809ns\""
    })
    void rejectsWhatGoRejects(String text, String message) {
        assertThatThrownBy(() -> GoDuration.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "format({0}ns) = {1}")
    @CsvSource(delimiter = '|', value = {
        "0|0s", "1|1ns", "1100|1.1\u00b5s", "2200000|2.2ms", "3300000000|3.3s", "245000000000|4m5s",
        "245001000000|4m5.001s", "18367001000000|5h6m7.001s", "480000000001|8m0.000000001s",
        "9223372036854775807|2562047h47m16.854775807s", "-9223372036854775808|-2562047h47m16.854775808s",
        "2764800000000000|768h0m0s", "5400000000000|1h30m0s", "-1000000000|-1s", "300000000|300ms"
    })
    void formatsLikeGo(long nanos, String text) {
        assertThat(GoDuration.format(Duration.ofNanos(nanos))).isEqualTo(text);
    }

    @ParameterizedTest(name = "parseSeconds({0}) = {1}s")
    @CsvSource(delimiter = '|', value = {
        "3600|3600", "'\"3600\"'|3600", "'\"1h\"'|3600", "'\"\"'|0", "null|0", "'\"7d\"'|604800",
        "'\"768h0m0s\"'|2764800", "'\"-30s\"'|-30", "'\"1h30m\"'|5400", "'\"0s0ns\"'|0"
    })
    void readsDurationsLikeVaultFields(String json, long seconds) {
        assertThat(GoDuration.toSeconds(GoDuration.parseSeconds(json(json)))).isEqualTo(seconds);
    }

    @ParameterizedTest(name = "parseSeconds({0}) fails")
    @CsvSource(delimiter = '|', value = {"1.5", "true", "'\"abc\"'", "'\"xd\"'", "'[1]'", "'{}'"})
    void rejectsWhatVaultFieldsReject(String json) {
        JsonNode raw = json(json);
        assertThatThrownBy(() -> GoDuration.parseSeconds(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "toSeconds({0}ns) = {1}")
    @CsvSource({"1500000000,1", "-1500000000,-1", "300000000,0"})
    void truncatesTowardZeroLikeGo(long nanos, long seconds) {
        assertThat(GoDuration.toSeconds(Duration.ofNanos(nanos))).isEqualTo(seconds);
    }

    @Test
    void humanDurationsDropZeroUnitsAsVaultPrintsThem() {
        assertThat(GoDuration.human(768 * HOUR)).isEqualTo("768h");
        assertThat(GoDuration.human(HOUR + 1)).isEqualTo("1h1s");
        assertThat(GoDuration.human(90)).isEqualTo("1m30s");
        assertThat(GoDuration.human(0)).isEqualTo("0s");
    }

    /** JSON with single quotes standing for double quotes. */
    private static JsonNode json(String text) {
        try {
            return Json.parse(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
