package io.coffer.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.api.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which policies a child token gets (Vault's handleCreateCommon without roles). */
class TokenPoliciesTest {

    @Test
    void sanitizeLowercasesDeduplicatesSortsAndLetsRootStandAlone() {
        assertThat(TokenPolicies.sanitize(List.of(" Admin", "app", "admin", ""), true))
                .containsExactly("admin", "app", "default");
        assertThat(TokenPolicies.sanitize(List.of("app", "root"), true)).containsExactly("root");
    }

    @Test
    void sudoCallerGetsWhatItAsksPlusDefault() {
        assertThat(TokenPolicies.forChild(List.of("root"), List.of("admin"), true, false))
                .containsExactly("admin", "default");
    }

    @Test
    void omittedPoliciesAreInheritedWithoutAddingDefault() {
        assertThat(TokenPolicies.forChild(List.of("app"), List.of(), false, false)).containsExactly("app");
        assertThat(TokenPolicies.forChild(List.of("root"), List.of(), true, false)).containsExactly("root");
    }

    @Test
    void nonSudoCallerMayOnlyAskForASubsetOfItsPolicies() {
        assertThat(TokenPolicies.forChild(List.of("app", "default", "ops"), List.of("app"), false, false))
                .containsExactly("app", "default");
        assertThatThrownBy(() -> TokenPolicies.forChild(List.of("app", "default"), List.of("admin"), false, false))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.errors()).containsExactly("child policies must be subset of parent"));
    }

    @Test
    void noDefaultPolicyStripsDefaultEvenWhenAskedFor() {
        assertThat(TokenPolicies.forChild(List.of("root"), List.of("app", "default"), true, true))
                .containsExactly("app");
    }

    @Test
    void rootChildNeedsRootParentAndInternalPoliciesAreNotAssignable() {
        assertThatThrownBy(() -> TokenPolicies.forChild(List.of("admin"), List.of("root"), true, false))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors())
                        .containsExactly("root tokens may not be created without parent token being root"));
        assertThatThrownBy(() -> TokenPolicies.forChild(List.of("root"), List.of("response-wrapping"), true, false))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors())
                        .containsExactly("cannot assign policy \"response-wrapping\""));
    }
}
