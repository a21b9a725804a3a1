package io.coffer.api.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.api.Operation;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ACL's answers besides allow/deny: {@code capabilities()} for {@code sys/capabilities-self},
 * {@code sudo()}, the mount-access test behind the KV preflight, wrapping TTLs and the shape of decisions.
 */
class AclQueryTest {

    @Test
    void capabilitiesAreListedInVaultOrder() {
        Acl docs = PolicyFixtures.acl("docs-basic", "hcl");
        assertThat(docs.capabilities("secret/foo")).containsExactly("read", "list", "update", "delete", "create",
                "patch");
        assertThat(docs.capabilities("secret/super-secret")).containsExactly("deny");
        assertThat(docs.capabilities("nothing/here")).containsExactly("deny");
        assertThat(PolicyFixtures.acl("sudo", "hcl").capabilities("sys/audit")).containsExactly("sudo", "read");
        assertThat(Acl.root().capabilities("anything")).containsExactly("root");
        assertThat(Acl.of(List.of(Policies.defaultPolicy())).capabilities("cubbyhole/x"))
                .containsExactly("read", "list", "update", "delete", "create");
    }

    @Test
    void capabilitiesUseTheListLookup() {
        Acl kv2 = PolicyFixtures.acl("kv2", "hcl");
        assertThat(kv2.capabilities("secret/metadata/")).containsExactly("list");
        assertThat(kv2.capabilities("/secret/metadata")).containsExactly("list");
        assertThat(PolicyFixtures.inline("path \"a\" {}").capabilities("a")).containsExactly("deny");
    }

    @Test
    void sudoIsReportedPerPath() {
        Acl acl = PolicyFixtures.acl("sudo", "hcl");
        assertThat(acl.sudo("sys/audit/file")).isTrue();
        assertThat(acl.sudo("sys/mounts")).isFalse();
        assertThat(acl.sudo("auth/token/accessors/")).isTrue();
        assertThat(acl.sudo("elsewhere")).isFalse();
        assertThat(Acl.root().sudo("sys/seal")).isTrue();
    }

    @Test
    void mountAccessSeesRulesAtOrBelowTheMount() {
        assertThat(PolicyFixtures.acl("kv2", "hcl").hasAnyCapabilityUnder("secret/")).isTrue();
        assertThat(PolicyFixtures.acl("kv2", "hcl").hasAnyCapabilityUnder("other/")).isFalse();
        assertThat(PolicyFixtures.inline("path \"secret/data/app/config\" { capabilities = [\"read\"] }")
                .hasAnyCapabilityUnder("secret/")).isTrue();
        assertThat(PolicyFixtures.inline("path \"secret/data/*\" { capabilities = [\"read\"] }")
                .hasAnyCapabilityUnder("secret/")).isTrue();
        assertThat(PolicyFixtures.inline("path \"sec*\" { capabilities = [\"read\"] }")
                .hasAnyCapabilityUnder("secret/")).isTrue();
        assertThat(PolicyFixtures.inline("path \"secret\" { capabilities = [\"list\"] }")
                .hasAnyCapabilityUnder("secret/")).isTrue();
        assertThat(Acl.root().hasAnyCapabilityUnder("anything/")).isTrue();
        assertThat(Acl.of(List.of()).hasAnyCapabilityUnder("secret/")).isFalse();
    }

    @Test
    void mountAccessIgnoresDenyAndEmptyRules() {
        assertThat(PolicyFixtures.inline("path \"secret/*\" { capabilities = [\"deny\"] }")
                .hasAnyCapabilityUnder("secret/")).isFalse();
        assertThat(PolicyFixtures.inline("path \"secret/data/x\" {}").hasAnyCapabilityUnder("secret/")).isFalse();
        assertThat(PolicyFixtures.inline("path \"secret/+/x\" { capabilities = [\"deny\"] }")
                .hasAnyCapabilityUnder("secret/")).isFalse();
    }

    @Test
    void mountAccessMatchesSegmentWildcards() {
        assertThat(PolicyFixtures.inline("path \"secret/+/teamb\" { capabilities = [\"read\"] }")
                .hasAnyCapabilityUnder("secret/")).isTrue();
        assertThat(PolicyFixtures.inline("path \"+/data/*\" { capabilities = [\"read\"] }")
                .hasAnyCapabilityUnder("secret/")).isTrue();
        assertThat(PolicyFixtures.inline("path \"+/+/x\" { capabilities = [\"read\"] }")
                .hasAnyCapabilityUnder("team/kv/")).isTrue();
        assertThat(PolicyFixtures.inline("path \"other/+/x\" { capabilities = [\"read\"] }")
                .hasAnyCapabilityUnder("secret/")).isFalse();
    }

    @Test
    void wrappingTtlsBoundTheRequestedWrapping() {
        Acl acl = PolicyFixtures.inline("path \"auth/approle/role/my-role/secret-id\" {\n"
                + " capabilities = [\"create\", \"update\"]\n"
                + " min_wrapping_ttl = \"1s\"\n max_wrapping_ttl = \"90s\"\n}");
        String path = "auth/approle/role/my-role/secret-id";
        assertThat(acl.allowed(path, Operation.UPDATE, Map.of()).allowed()).isFalse();
        assertThat(acl.allowed(path, Operation.UPDATE, Map.of(), Duration.ofSeconds(30)).allowed()).isTrue();
        assertThat(acl.allowed(path, Operation.UPDATE, Map.of(), Duration.ofSeconds(120)).allowed()).isFalse();
        assertThat(acl.allowed(path, Operation.UPDATE, Map.of(), Duration.ofMillis(500)).allowed()).isFalse();
    }

    @Test
    void mergedWrappingTtlsKeepTheSmallerValues() {
        Policy one = PolicyParser.parse("a", "path \"w\" {\n capabilities = [\"update\"]\n max_wrapping_ttl = 90\n}");
        Policy two = PolicyParser.parse("b", "path \"w\" {\n capabilities = [\"update\"]\n max_wrapping_ttl = 30\n}");
        Acl acl = Acl.of(List.of(one, two));
        assertThat(acl.allowed("w", Operation.UPDATE, null, Duration.ofSeconds(60)).allowed()).isFalse();
        assertThat(acl.allowed("w", Operation.UPDATE, null, Duration.ofSeconds(20)).allowed()).isTrue();
    }

    @Test
    void decisionsCarrySudoRootAndAReason() {
        Decision root = Acl.root().allowed("sys/seal", Operation.UPDATE, null);
        assertThat(root).extracting(Decision::allowed, Decision::sudo, Decision::root)
                .containsExactly(true, true, true);
        Decision denied = PolicyFixtures.acl("sudo", "hcl").allowed("sys/audit", Operation.DELETE, null);
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.sudo()).isTrue();
        assertThat(denied.reason()).contains("delete");
        assertThat(PolicyFixtures.acl("sudo", "hcl").allowed("sys/mounts", Operation.READ, null).reason()).isEmpty();
    }

    @Test
    void headIsOnlyAllowedForRoot() {
        Acl acl = PolicyFixtures.inline("path \"*\" { capabilities = [\"read\", \"list\", \"sudo\"] }");
        assertThat(acl.allowed("sys/health", Operation.HEAD, null).allowed()).isFalse();
        assertThat(Acl.root().allowed("sys/health", Operation.HEAD, null).allowed()).isTrue();
    }

    @Test
    void rootPolicyAmongOthersMakesTheRootAcl() {
        assertThat(Acl.of(Arrays.asList(Policies.defaultPolicy(), null, Policies.root())).isRoot()).isTrue();
        assertThat(Acl.of(Arrays.asList(null, Policies.defaultPolicy())).isRoot()).isFalse();
    }

    @Test
    void templatedRulesGrantNothingButTheRestStillApplies() {
        Acl acl = PolicyFixtures.inline("path \"secret/data/{{identity.entity.id}}/*\" { capabilities = [\"read\"] }\n"
                + "path \"secret/data/shared/*\" { capabilities = [\"read\"] }");
        assertThat(acl.allowed("secret/data/shared/x", Operation.READ, null).allowed()).isTrue();
        assertThat(acl.allowed("secret/data/{{identity.entity.id}}/x", Operation.READ, null).allowed()).isFalse();
    }

    @Test
    void starAloneMatchesEverything() {
        Acl acl = PolicyFixtures.inline("path \"*\" { capabilities = [\"read\"] }");
        assertThat(acl.allowed("any/path/at/all", Operation.READ, null).allowed()).isTrue();
        assertThat(acl.allowed("", Operation.READ, null).allowed()).isTrue();
    }
}
