package io.coffer.api.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Vault's built-in {@code default} and {@code root} policies and its policy-name rules. */
class BuiltInPoliciesTest {

    @Test
    void defaultPolicyIsVaultsText() {
        assertThat(Policies.DEFAULT_POLICY_TEXT).startsWith("\n# Allow tokens to look up their own properties\n"
                + "path \"auth/token/lookup-self\" {\n    capabilities = [\"read\"]\n}\n");
        assertThat(Policies.DEFAULT_POLICY_TEXT).endsWith("path \"identity/oidc/provider/+/authorize\" {\n"
                + "    capabilities = [\"read\", \"update\"]\n}\n");
        Policy policy = Policies.defaultPolicy();
        assertThat(policy.name()).isEqualTo("default");
        assertThat(policy.raw()).isSameAs(Policies.DEFAULT_POLICY_TEXT);
        assertThat(policy.templated()).isTrue();
        assertThat(policy.rules()).extracting(PathRule::path).containsExactly(
                "auth/token/lookup-self", "auth/token/renew-self", "auth/token/revoke-self", "sys/capabilities-self",
                "identity/entity/id/{{identity.entity.id}}", "identity/entity/name/{{identity.entity.name}}",
                "sys/internal/ui/resultant-acl", "sys/renew", "sys/leases/renew", "sys/leases/lookup", "cubbyhole/*",
                "sys/wrapping/wrap", "sys/wrapping/lookup", "sys/wrapping/unwrap", "sys/tools/hash",
                "sys/tools/hash/*", "sys/control-group/request", "identity/oidc/provider/+/authorize");
    }

    @Test
    void rootPolicyMakesTheRootAcl() {
        assertThat(Policies.root().rules()).isEmpty();
        assertThat(Acl.of(List.of(Policies.root())).isRoot()).isTrue();
    }

    @Test
    void namesAreTrimmedAndLowercased() {
        assertThat(PolicyNames.normalize("  Admin-Team ")).isEqualTo("admin-team");
        assertThat(PolicyNames.normalize(null)).isEmpty();
    }

    @Test
    void rootCannotBeWrittenNorDeleted() {
        assertThatThrownBy(() -> PolicyNames.checkWritable("Root")).isInstanceOf(PolicyException.class)
                .hasMessage("cannot update \"root\" policy");
        assertThatThrownBy(() -> PolicyNames.checkDeletable("root")).hasMessage("cannot delete \"root\" policy");
        assertThatThrownBy(() -> PolicyNames.checkWritable("response-wrapping"))
                .hasMessage("cannot update \"response-wrapping\" policy");
    }

    @Test
    void defaultCanBeWrittenButNotDeleted() {
        PolicyNames.checkWritable("default");
        PolicyNames.checkWritable("admin");
        PolicyNames.checkDeletable("admin");
        assertThatThrownBy(() -> PolicyNames.checkDeletable(" DEFAULT")).hasMessage("cannot delete default policy");
    }

    @Test
    void internalPoliciesAreNotAssignable() {
        assertThat(PolicyNames.isAssignable("response-wrapping")).isFalse();
        assertThat(PolicyNames.isAssignable("control-group")).isFalse();
        assertThat(PolicyNames.isAssignable("default")).isTrue();
        assertThat(PolicyNames.isAssignable("root")).isTrue();
    }
}
