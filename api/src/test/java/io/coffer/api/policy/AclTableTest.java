package io.coffer.api.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.api.Operation;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vault's path matching and priority rules as a table, {@code policy/acl-table.txt}: (policies, operation, path)
 * to allow / allow+sudo / deny, built from the examples of Vault's policies concepts page, the KV v2 ACL paths,
 * Vault's {@code default} policy and the priority comments of {@code vault/acl.go}. Rows whose fixtures all have
 * a JSON twin are checked again with the JSON policies, so HCL and JSON must decide alike.
 */
class AclTableTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decidesAsVault(String row) {
        String[] fields = row.trim().split("\\s+");
        String policies = fields[0];
        Operation operation = Operation.valueOf(fields[1].toUpperCase(Locale.ROOT));
        String path = fields[2];
        String expected = fields[3];

        check(PolicyFixtures.acl(policies, "hcl"), operation, path, expected);
        boolean jsonTwins = Arrays.stream(policies.split(","))
                .allMatch(name -> PolicyFixtures.exists(name + ".json"));
        if (jsonTwins) {
            check(PolicyFixtures.acl(policies, "json"), operation, path, expected);
        }
    }

    private static void check(Acl acl, Operation operation, String path, String expected) {
        Decision decision = acl.allowed(path, operation, Map.of());
        switch (expected) {
            case "allow" -> assertThat(decision).extracting(Decision::allowed, Decision::sudo)
                    .containsExactly(true, false);
            case "allow+sudo" -> assertThat(decision).extracting(Decision::allowed, Decision::sudo)
                    .containsExactly(true, true);
            case "deny" -> assertThat(decision.allowed()).as(decision.toString()).isFalse();
            default -> throw new IllegalArgumentException("bad expectation " + expected);
        }
    }

    static Stream<String> rows() {
        return PolicyFixtures.text("acl-table.txt").lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"));
    }
}
