package io.coffer.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.api.GoDuration;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {

    @Test
    void booleansAcceptVaultSpellings() {
        for (Object yes : List.of(true, "true", "TRUE", "1", "t", 1.0, 1L)) {
            assertThat(Values.bool(yes, "k")).as(String.valueOf(yes)).isTrue();
        }
        for (Object no : List.of(false, "false", "0", "f", "", 0.0, 0)) {
            assertThat(Values.bool(no, "k")).as(String.valueOf(no)).isFalse();
        }
    }

    @Test
    void badBooleanNamesKeyAndValue() {
        assertThatThrownBy(() -> Values.bool("maybe", "listener \"tcp\": tls_disable"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("listener \"tcp\": tls_disable: expected a boolean, got \"maybe\"");
    }

    @Test
    void durationsAcceptGoStringsAndIntegerSeconds() {
        assertThat(Values.duration("768h", "k")).isEqualTo(Duration.ofHours(768));
        assertThat(Values.duration(2764800.0, "k")).isEqualTo(Duration.ofHours(768));
        assertThat(Values.duration(2764800L, "k")).isEqualTo(Duration.ofHours(768));
        assertThat(Values.duration("2764800", "k")).isEqualTo(Duration.ofHours(768));
        assertThat(Values.duration("1h30m0.5s", "k")).isEqualTo(Duration.ofMillis(5_400_500));
        assertThat(Values.duration("250ms", "k")).isEqualTo(Duration.ofMillis(250));
        assertThat(Values.duration("1.5h", "k")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Values.duration("7d", "k")).isEqualTo(Duration.ofDays(7));
        assertThat(Values.duration("0", "k")).isEqualTo(Duration.ZERO);
        assertThat(Values.duration("-5s", "k")).isEqualTo(Duration.ofSeconds(-5));
    }

    @Test
    void durationsFormatLikeGo() {
        assertThat(GoDuration.format(Duration.ofHours(768))).isEqualTo("768h0m0s");
        assertThat(GoDuration.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(GoDuration.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(GoDuration.format(Duration.ofMillis(250))).isEqualTo("250ms");
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "5 s", "5x", "h", "1h-2m", "--5s"})
    void badDurationIsRejected(String text) {
        assertThatThrownBy(() -> Values.duration(text, "max_lease_ttl"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("max_lease_ttl: expected a duration");
    }

    @Test
    void integersAcceptNumbersAndNumericStrings() {
        assertThat(Values.integer(33554432.0, "k")).isEqualTo(33554432L);
        assertThat(Values.integer("42", "k")).isEqualTo(42L);
        assertThat(Values.integer(7, "k")).isEqualTo(7L);
        assertThatThrownBy(() -> Values.integer(1.5, "storage \"raft\": trailing_logs"))
                .hasMessage("storage \"raft\": trailing_logs: expected an integer, got 1.5");
        assertThatThrownBy(() -> Values.integer("lots", "k")).hasMessage("k: expected an integer, got \"lots\"");
    }

    @Test
    void stringsAcceptScalarsButNotBlocks() {
        assertThat(Values.string(8200.0, "k")).isEqualTo("8200");
        assertThat(Values.string(true, "k")).isEqualTo("true");
        assertThatThrownBy(() -> Values.string(java.util.Map.of(), "api_addr"))
                .hasMessage("api_addr: expected a string, got a block");
    }

    @Test
    void stringListsSplitCommaStrings() {
        assertThat(Values.stringList("10.0.0.0/8, 192.168.1.1", "k")).containsExactly("10.0.0.0/8", "192.168.1.1");
        assertThat(Values.stringList(List.of("a", " b "), "k")).containsExactly("a", "b");
    }
}
