package io.coffer.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.api.GoDuration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CLI's text conventions, no server involved: columnize tables, Go's %v, durations, JSON, wrapping. */
class OutputFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tableUnderlinesHeadersPadsColumnsAndFillsEmptyCells() {
        String table = Columns.table(List.of("Path | Type | Description", "secret/ | kv | ", "sys/ | system | x"), "|");

        assertThat(table).isEqualTo("Path       Type      Description\n----       ----      -----------\n"
                + "secret/    kv        n/a\nsys/       system    x");
    }

    @Test
    void goValueFormattingMatchesPercentV() throws Exception {
        JsonNode value = JSON.readTree("{\"b\":[1,\"x\",null],\"a\":{\"k\":true},\"c\":1.5}");

        assertThat(GoText.value(value)).isEqualTo("map[a:map[k:true] b:[1 x <nil>] c:1.5]");
        assertThat(GoText.quotedList(JSON.readTree("[\"admin\",\"de\\\"fault\"]")))
                .isEqualTo("[\"admin\" \"de\\\"fault\"]");
        assertThat(GoText.quotedList(null)).isEqualTo("[]");
    }

    @Test
    void durationsPrintAsTheCliShortensThem() {
        assertThat(GoDuration.human(2764800)).isEqualTo("768h");
        assertThat(GoDuration.human(3600)).isEqualTo("1h");
        assertThat(GoDuration.human(3660)).isEqualTo("1h1m");
        assertThat(GoDuration.human(90)).isEqualTo("1m30s");
        assertThat(GoDuration.human(0)).isEqualTo("0s");
        assertThat(GoText.looksLikeDuration("token_ttl")).isTrue();
        assertThat(GoText.looksLikeDuration("creation_time")).isFalse();
    }

    @Test
    void jsonIsGoIndentedWithHtmlEscapes() throws Exception {
        JsonNode value = JSON.readTree("{\"z\":[],\"a\":{},\"s\":\"<a&b>\",\"l\":[1,{\"x\":null}]}");

        assertThat(GoJson.print(GoJson.sorted(value))).isEqualTo("{\n  \"a\": {},\n  \"l\": [\n    1,\n    {\n"
                + "      \"x\": null\n    }\n  ],\n  \"s\": \"\\u003ca\\u0026b\\u003e\",\n  \"z\": []\n}");
    }

    @Test
    void wrapBreaksAtSeventyEightColumnsWithPadding() {
        String text = "Data was written to secret/data/app but we recommend that you add the \"patch\" capability "
                + "to your ACL policy in order to use HTTP PATCH in the future.";

        String wrapped = GoText.wrap(text, 2);

        assertThat(wrapped.lines()).allSatisfy(line -> assertThat(line).startsWith("  ").hasSizeLessThanOrEqualTo(78));
        assertThat(wrapped.replace("\n  ", " ").trim()).isEqualTo(text);
    }

    @Test
    void sectionHeadersAreSizedToTheWidestKey() throws Exception {
        JsonNode data = JSON.readTree("{\"password\":\"x\",\"user\":\"y\"}");

        assertThat(Ui.headerForMap("Data", data)).isEqualTo("====== Data ======");
        assertThat(Ui.padEqualSigns("Secret Path", "secret/data/creds".length())).isEqualTo("== Secret Path ==");
        assertThat(Ui.padEqualSigns("Secret Path", 3)).isEqualTo("== Secret Path ==");
    }
}
