package io.coffer.api.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.coffer.api.Json;
import io.coffer.api.Operation;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code required_parameters}, {@code allowed_parameters} and {@code denied_parameters} as Vault's policies page
 * documents them and {@code vault/acl.go} applies them.
 */
class ParameterConstraintTest {

    private static boolean create(Acl acl, Map<String, ?> data) {
        return acl.allowed("secret/foo", Operation.CREATE, data).allowed();
    }

    private static Acl onFoo(String settings) {
        return PolicyFixtures.inline("path \"secret/foo\" {\n capabilities = [\"create\", \"update\", \"list\","
                + " \"delete\", \"read\"]\n" + settings + "\n}");
    }

    private static Map<String, Object> data(Object... pairs) {
        Map<String, Object> out = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return out;
    }

    @Test
    void requiredParametersMustBePresent() {
        Acl acl = onFoo("required_parameters = [\"bar\", \"baz\"]");
        assertThat(create(acl, data("bar", "1", "baz", "2"))).isTrue();
        assertThat(create(acl, data("bar", "1"))).isFalse();
        assertThat(create(acl, Map.of())).isFalse();
        assertThat(create(acl, null)).isFalse();
        // Vault looks the lowercased name up in the request data as sent.
        assertThat(create(acl, data("BAR", "1", "baz", "2"))).isFalse();
    }

    @Test
    void allowedParametersWithAnyValue() {
        Acl acl = onFoo("allowed_parameters = { \"bar\" = [] }");
        assertThat(create(acl, data("bar", "anything"))).isTrue();
        assertThat(create(acl, data("bar", "x", "other", "y"))).isFalse();
        assertThat(create(acl, Map.of())).isTrue();
    }

    @Test
    void allowedParametersWithListedValuesAndStarKey() {
        Acl listed = onFoo("allowed_parameters = { \"bar\" = [\"zip\", \"zap\"] }");
        assertThat(create(listed, data("bar", "zip"))).isTrue();
        assertThat(create(listed, data("bar", "zop"))).isFalse();
        Acl star = onFoo("allowed_parameters = {\n \"bar\" = [\"zip\", \"zap\"]\n \"*\" = []\n}");
        assertThat(create(star, data("bar", "zap", "other", "anything"))).isTrue();
        assertThat(create(star, data("bar", "zop", "other", "anything"))).isFalse();
        assertThat(create(onFoo("allowed_parameters = { \"*\" = [] }"), data("any", "thing"))).isTrue();
    }

    @ParameterizedTest(name = "pattern {0} vs {1} -> {2}")
    @CsvSource({"foo-*,foo-bar,true", "foo-*,bar,false", "*-prod,db-prod,true", "*-prod,db-dev,false",
        "*mid*,a-mid-b,true", "*mid*,none,false", "*,anything,false", "*,*,true", "**,anything,true",
        "baz/*,'baz/quux,wibble,wobble',true", "baz/*,'wibble,baz/quux',false", "zip,'zip, zip',true"})
    void valueGlobsFollowVault(String pattern, String value, boolean allowed) {
        Acl acl = onFoo("allowed_parameters = { \"bar\" = [\"" + pattern + "\"] }");
        assertThat(create(acl, data("bar", value))).isEqualTo(allowed);
    }

    @Test
    void deniedParameters() {
        Acl any = onFoo("denied_parameters = { \"bar\" = [] }");
        assertThat(create(any, data("bar", "x"))).isFalse();
        assertThat(create(any, data("other", "x"))).isTrue();
        Acl listed = onFoo("denied_parameters = { \"bar\" = [\"zip\", \"zap\"] }");
        assertThat(create(listed, data("bar", "zip"))).isFalse();
        assertThat(create(listed, data("bar", "zop"))).isTrue();
        assertThat(create(listed, data("bar", List.of("zop", "zip")))).isFalse();
        assertThat(create(listed, data("bar", "zop,zip"))).isFalse();
        Acl all = onFoo("denied_parameters = { \"*\" = [] }");
        assertThat(create(all, data("x", "1"))).isFalse();
        assertThat(create(all, Map.of())).isTrue();
    }

    @Test
    void deniedTakesPrecedenceOverAllowed() {
        Acl acl = onFoo("allowed_parameters = { \"bar\" = [] }\n denied_parameters = { \"bar\" = [\"zip\"] }");
        assertThat(create(acl, data("bar", "zap"))).isTrue();
        assertThat(create(acl, data("bar", "zip"))).isFalse();
    }

    @Test
    void listValuesNeedEveryElementAllowed() {
        Acl acl = onFoo("allowed_parameters = { \"bar\" = [\"zip\", \"zap\"] }");
        assertThat(create(acl, data("bar", List.of("zip", "zap")))).isTrue();
        assertThat(create(acl, data("bar", List.of("zip", "zop")))).isFalse();
        assertThat(create(acl, data("bar", Json.MAPPER.createArrayNode().add("zap")))).isTrue();
    }

    @Test
    void nonStringValuesCompareByValue() {
        Acl acl = onFoo("allowed_parameters = {\n \"ttl\" = [60]\n \"flag\" = [true]\n}");
        assertThat(create(acl, data("ttl", 60))).isTrue();
        assertThat(create(acl, data("ttl", new BigDecimal("60.0")))).isTrue();
        assertThat(create(acl, data("ttl", 61))).isFalse();
        assertThat(create(acl, data("ttl", "60"))).isFalse();
        assertThat(create(acl, data("flag", true))).isTrue();
        assertThat(create(acl, data("flag", false))).isFalse();
    }

    @Test
    void keysCompareLowercasedAndJsonNodesAreAccepted() {
        Acl acl = onFoo("allowed_parameters = { \"Bar\" = [\"zip\"] }");
        assertThat(create(acl, data("BAR", "zip"))).isTrue();
        assertThat(create(acl, data("bar", TextNode.valueOf("zip")))).isTrue();
        assertThat(create(acl, data("bar", TextNode.valueOf("zop")))).isFalse();
    }

    @Test
    void listAndDeleteIgnoreParameterConstraints() {
        Acl acl = PolicyFixtures.inline("path \"secret/foo/*\" {\n capabilities = [\"list\", \"delete\", \"read\"]\n"
                + " required_parameters = [\"bar\"]\n denied_parameters = { \"*\" = [] }\n}");
        assertThat(acl.allowed("secret/foo/", Operation.LIST, data("x", "1")).allowed()).isTrue();
        assertThat(acl.allowed("secret/foo/a", Operation.DELETE, data("x", "1")).allowed()).isTrue();
        assertThat(acl.allowed("secret/foo/a", Operation.READ, data("bar", "1")).allowed()).isFalse();
    }

    @Test
    void constraintsMergeAcrossPoliciesOnTheSamePattern() {
        Policy zip = PolicyParser.parse("a", "path \"secret/foo\" {\n capabilities = [\"create\"]\n"
                + " allowed_parameters = { \"bar\" = [\"zip\"] }\n}");
        Policy zap = PolicyParser.parse("b", "path \"secret/foo\" {\n capabilities = [\"update\"]\n"
                + " allowed_parameters = { \"bar\" = [\"zap\"] }\n}");
        Policy any = PolicyParser.parse("c", "path \"secret/foo\" {\n capabilities = [\"read\"]\n"
                + " allowed_parameters = { \"bar\" = [] }\n}");
        Policy plain = PolicyParser.parse("d", "path \"secret/foo\" { capabilities = [\"read\"] }");
        assertThat(create(Acl.of(List.of(zip, zap)), data("bar", "zap"))).isTrue();
        assertThat(create(Acl.of(List.of(zip, zap)), data("bar", "zop"))).isFalse();
        assertThat(create(Acl.of(List.of(zip, any)), data("bar", "zop"))).isTrue();
        assertThat(create(Acl.of(List.of(zip, plain)), data("bar", "zop"))).isFalse();
    }

    @Test
    void requiredParametersAreUnionedAcrossPolicies() {
        Policy one = PolicyParser.parse("a", "path \"secret/foo\" {\n capabilities = [\"create\"]\n"
                + " required_parameters = [\"a\"]\n}");
        Policy two = PolicyParser.parse("b", "path \"secret/foo\" {\n capabilities = [\"create\"]\n"
                + " required_parameters = [\"b\"]\n}");
        Acl acl = Acl.of(List.of(one, two));
        assertThat(create(acl, data("a", "1"))).isFalse();
        assertThat(create(acl, data("a", "1", "b", "2"))).isTrue();
    }
}
