package io.coffer.api.policy;

import static io.coffer.api.policy.Capability.CREATE;
import static io.coffer.api.policy.Capability.DELETE;
import static io.coffer.api.policy.Capability.DENY;
import static io.coffer.api.policy.Capability.LIST;
import static io.coffer.api.policy.Capability.PATCH;
import static io.coffer.api.policy.Capability.READ;
import static io.coffer.api.policy.Capability.RECOVER;
import static io.coffer.api.policy.Capability.SUBSCRIBE;
import static io.coffer.api.policy.Capability.SUDO;
import static io.coffer.api.policy.Capability.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading Vault policy text, HCL and JSON, into rules: shapes accepted and Vault's error messages. */
class PolicyParserTest {

    private static PathRule only(String text) {
        List<PathRule> rules = PolicyParser.parse("p", text).rules();
        assertThat(rules).hasSize(1);
        return rules.get(0);
    }

    private static String error(String text) {
        return assertThatThrownBy(() -> PolicyParser.parse("p", text)).isInstanceOf(PolicyException.class)
                .actual().getMessage();
    }

    @Test
    void docsExampleParsesIntoThreeRules() {
        Policy policy = PolicyFixtures.policy("docs-basic", "hcl");
        assertThat(policy.name()).isEqualTo("docs-basic");
        assertThat(policy.raw()).isEqualTo(PolicyFixtures.text("docs-basic.hcl"));
        assertThat(policy.rules()).extracting(PathRule::path)
                .containsExactly("secret/*", "secret/super-secret", "secret/restricted");
        assertThat(policy.rules().get(0).capabilities()).containsExactlyInAnyOrder(CREATE, READ, UPDATE, PATCH,
                DELETE, LIST);
        assertThat(policy.rules().get(1).denies()).isTrue();
        assertThat(policy.rules().get(2).allowedParameters())
                .isEqualTo(Map.of("foo", List.of(), "bar", List.of("zip", "zap")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"docs-basic", "priority-segments", "kv2", "sudo"})
    void hclAndJsonTwinsGiveTheSameRules(String name) {
        assertThat(PolicyFixtures.policy(name, "json").rules())
                .isEqualTo(PolicyFixtures.policy(name, "hcl").rules());
    }

    @Test
    void jsonAndHclNumbersReadAlike() {
        String hcl = "path \"a\" {\n allowed_parameters = { \"ttl\" = [60, 1.5] }\n max_wrapping_ttl = 90\n}";
        String json = "{\"path\": {\"a\": {\"allowed_parameters\": {\"ttl\": [60, 1.5]}, \"max_wrapping_ttl\": 90}}}";
        assertThat(PolicyParser.parse("p", json).rules()).isEqualTo(PolicyParser.parse("p", hcl).rules());
    }

    @Test
    void invalidCapabilityIsRefusedInBothSyntaxes() {
        String expected = "failed to parse policy: path \"secret/foo\": invalid capability \"reed\"";
        assertThat(error("path \"secret/foo\" { capabilities = [\"reed\"] }")).isEqualTo(expected);
        assertThat(error("{\"path\":{\"secret/foo\":{\"capabilities\":[\"reed\"]}}}")).isEqualTo(expected);
        assertThat(error("path \"a\" { capabilities = [\"root\"] }")).endsWith("invalid capability \"root\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "unterminated block|`path \"a\" {\n  capabilities = [\"read\"]\n`|At 3:1: object expected closing RBRACE",
        "unterminated string|`path \"a {\n capabilities = [\"read\"]\n}`|At 1:6: literal not terminated",
        "missing bracket|`path \"a\" {\n capabilities = [\"read\"\n}`|expected comma or list end",
        "stray brace|`path \"a\" { capabilities = [\"read\"] }\n}`|At 2:1: unexpected '}'",
        "bare words|`garbage here`|key 'garbage' expected start of object",
        "trailing garbage|`path \"a\" { capabilities = [\"read\"] }\nzzz`|key 'zzz' expected start of object",
        "unquoted value|`path \"a\" { capabilities = [read] }`|unknown token: IDENT read",
        "duplicate key|`path \"a\" {\n capabilities = [\"read\"]\n capabilities = [\"list\"]\n}`|duplicate key",
        "path as assignment|`path = { \"secret/b\" = { capabilities = [\"read\"] } }`|expected path \"<pattern>\"",
        "path with two labels|`path \"a\" \"b\" { capabilities = [\"read\"] }`|expected path \"<pattern>\"",
        "interpolation|`path \"a\" { capabilities = ${var.x} }`|illegal char \"$\"",
        "unterminated comment|`/* never closed\npath \"a\" {}`|At 1:1: comment not terminated",
        "unterminated heredoc|`path \"a\" {\n comment = <<EOF\nsome text\n}`|heredoc not terminated",
        "template in string|`path \"secret/${x}\" { capabilities = [\"read\"] }`|template sequences",
        "unknown escape|`path \"a\\u0062\" { capabilities = [\"read\"] }`|At 1:8: unsupported escape sequence",
        "two items on a line|`path \"a\" { capabilities = [\"read\"] comment = \"x\" }`|expected a newline or ','",
    })
    void malformedHclIsRefused(String what, String text, String detail) {
        assertThat(error(text)).startsWith("failed to parse policy: ").contains(detail);
    }

    @Test
    void malformedJsonIsRefused() {
        assertThat(error("{\"path\": {\"a\": {\"capabilities\": [\"read\"]}")).startsWith("failed to parse policy: ");
        assertThat(error("{\"path\": {}} trailing")).startsWith("failed to parse policy: ");
        assertThat(error("{\"path\": {\"a\": {}, \"a\": {}}}")).contains("Duplicate field 'a'");
    }

    @Test
    void unknownKeysAreRefused() {
        assertThat(error("foo = \"bar\"")).isEqualTo("failed to parse policy: invalid key \"foo\"");
        assertThat(error("path \"secret/a\" { capabilites = [\"read\"] }"))
                .isEqualTo("failed to parse policy: path \"secret/a\": invalid key \"capabilites\"");
        assertThat(PolicyParser.parse("p", "name = \"ignored\"\npath \"a\" {\n comment = \"why\"\n"
                + " mfa_methods = []\n capabilities = [\"read\"]\n}").rules()).hasSize(1);
    }

    @ParameterizedTest(name = "policy = {0}")
    @CsvSource({"read,READ LIST", "write,CREATE READ UPDATE DELETE LIST", "sudo,CREATE READ UPDATE DELETE LIST SUDO",
        "deny,DENY"})
    void legacyPolicyShorthandMapsToCapabilities(String legacy, String capabilities) {
        PathRule rule = only("path \"a\" { policy = \"" + legacy + "\" }");
        assertThat(rule.capabilities()).extracting(Capability::name)
                .containsExactlyInAnyOrder(capabilities.split(" "));
    }

    @Test
    void legacyShorthandAddsToCapabilitiesAndRejectsUnknownValues() {
        assertThat(only("path \"a\" {\n capabilities = [\"patch\"]\n policy = \"read\"\n}").capabilities())
                .containsExactlyInAnyOrder(PATCH, READ, LIST);
        assertThat(only("path \"a\" {\n capabilities = [\"patch\"]\n policy = \"deny\"\n}").capabilities())
                .containsExactly(DENY);
        assertThat(error("path \"a\" { policy = \"admin\" }"))
                .isEqualTo("failed to parse policy: path \"a\": invalid policy \"admin\"");
    }

    @Test
    void plusStarIsForbiddenAndLeadingSlashStripped() {
        assertThat(error("path \"/secret/+*\" { capabilities = [\"read\"] }"))
                .isEqualTo("failed to parse policy: path \"secret/+*\": invalid use of wildcards ('+*' is forbidden)");
        assertThat(only("path \"/secret/a\" { capabilities = [\"read\"] }").path()).isEqualTo("secret/a");
    }

    @Test
    void denyEndsTheBlockLikeVault() {
        assertThat(only("path \"a\" { capabilities = [\"deny\", \"reed\"] }").capabilities()).containsExactly(DENY);
        assertThat(only("path \"a\" {\n capabilities = [\"read\", \"deny\"]\n"
                + " allowed_parameters = { \"k*y\" = [] }\n}")).isEqualTo(PathRule.deny("a"));
        assertThat(error("path \"a\" { capabilities = [\"reed\", \"deny\"] }")).endsWith("invalid capability \"reed\"");
    }

    @Test
    void newerCapabilitiesAreKept() {
        assertThat(only("path \"sys/events/subscribe/*\" {\n capabilities = [\"read\", \"subscribe\", \"recover\"]\n"
                + " subscribe_event_types = [\"kv*\"]\n}")).satisfies(rule -> {
                    assertThat(rule.capabilities()).containsExactlyInAnyOrder(READ, SUBSCRIBE, RECOVER);
                    assertThat(rule.subscribeEventTypes()).containsExactly("kv*");
                });
    }

    @Test
    void wrappingTtlsAreDurations() {
        PathRule rule = only("path \"auth/approle/role/my-role/secret-id\" {\n"
                + " capabilities = [\"create\", \"update\"]\n min_wrapping_ttl = \"1s\"\n max_wrapping_ttl = 90\n}");
        assertThat(rule.minWrappingTtl()).isEqualTo(Duration.ofSeconds(1));
        assertThat(rule.maxWrappingTtl()).isEqualTo(Duration.ofSeconds(90));
        assertThat(only("path \"a\" { max_wrapping_ttl = \"1h30m\" }").maxWrappingTtl())
                .isEqualTo(Duration.ofMinutes(90));
        assertThat(error("path \"a\" {\n min_wrapping_ttl = \"2m\"\n max_wrapping_ttl = \"1m\"\n}"))
                .isEqualTo("failed to parse policy: max_wrapping_ttl cannot be less than min_wrapping_ttl");
        assertThat(error("path \"a\" { min_wrapping_ttl = \"soon\" }"))
                .startsWith("failed to parse policy: error parsing min_wrapping_ttl: ");
    }

    @Test
    void parameterKeysAreLowercasedAndWildcardKeysChecked() {
        PathRule rule = only("path \"a\" {\n allowed_parameters {\n  \"Foo\" = [\"x\", 1, true]\n  \"*\" = []\n }\n"
                + " required_parameters = [\"Bar\"]\n}");
        assertThat(rule.allowedParameters()).isEqualTo(Map.of("foo", List.of("x", 1L, true), "*", List.of()));
        assertThat(rule.requiredParameters()).containsExactly("Bar");
        assertThat(error("path \"a\" { denied_parameters = { \"fo*o\" = [] } }"))
                .isEqualTo("failed to parse policy: path \"a\": denied_parameters: parameter key \"fo*o\" cannot "
                        + "contain non-tail wildcards");
        assertThat(error("path \"a\" { allowed_parameters = { \"foo\" = \"bar\" } }")).contains("must be a list");
        assertThat(error("path \"a\" { capabilities = \"read\" }")).contains("capabilities must be a list of strings");
    }

    @Test
    void templatedPathsAreValidated() {
        assertThat(PolicyParser.parse("p", "path \"secret/data/{{identity.entity.id}}/*\" {\n"
                + " capabilities = [\"read\"]\n}").templated()).isTrue();
        assertThat(error("path \"secret/{{identity.entity.id}/x\" { capabilities = [\"read\"] }"))
                .isEqualTo("failed to parse policy: failed to validate policy templating: unbalanced templating "
                        + "characters");
    }

    @Test
    void repeatedBlocksAndOtherShapesAreAccepted() {
        Policy repeated = PolicyParser.parse("p", "path \"a\" { capabilities = [\"read\"] }\n"
                + "path \"b\" { capabilities = [\"list\"] }\npath \"a\" { capabilities = [\"update\"] }\n");
        assertThat(repeated.rules()).extracting(PathRule::path).containsExactlyInAnyOrder("a", "a", "b");
        assertThat(only("path \"a\" {\n comment = <<EOF\nmulti-line\nEOF\n capabilities = [\n  \"read\",\n ]\n}")
                .capabilities()).containsExactly(READ);
        assertThat(only("path \"a\\\"b\" {\n  # comment\n  // comment\n  /* block */ capabilities = [\"read\"]\n}")
                .path()).isEqualTo("a\"b");
    }

    @Test
    void namesAreNormalizedAndEmptyTextHasNoRules() {
        Policy policy = PolicyParser.parse("  Admin ", "# nothing yet\n");
        assertThat(policy.name()).isEqualTo("admin");
        assertThat(policy.rules()).isEmpty();
        assertThat(PolicyParser.parse("p", "").rules()).isEmpty();
        assertThat(PolicyParser.parse("p", "  {}").rules()).isEmpty();
    }

    @Test
    void sudoCapabilityParses() {
        assertThat(only("path \"sys/seal\" { capabilities = [\"update\", \"sudo\"] }").capabilities())
                .containsExactlyInAnyOrder(UPDATE, SUDO);
    }
}
