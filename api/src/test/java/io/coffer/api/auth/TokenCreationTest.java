package io.coffer.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Planning a token creation from a request body (Vault's handleCreateCommon), no storage. */
class TokenCreationTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00.5Z");
    private static final long T = NOW.getEpochSecond();
    private static final TokenEntry ROOT = new TokenEntry("acc", List.of("root"), "auth/token/root", "root", null,
            T, 0, 0, 0, 0, false, 0, null, "service");
    private static final TokenEntry ADMIN = new TokenEntry("acc2", List.of("admin", "default"),
            "auth/token/create", "token", null, T, 3600, T + 3600, 0, 0, true, 0, "h", "service");

    private static TokenCreation.Plan plan(TokenEntry parent, boolean sudo, String json) {
        return TokenCreation.plan(parent, body(json), sudo, false, "auth/token/create", NOW,
                TokenTtl.VAULT_DEFAULTS);
    }

    private static ObjectNode body(String json) {
        try {
            return (ObjectNode) Json.parse(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void periodicTokenLivesOnePeriodAndHasNoMaximum() {
        TokenEntry entry = plan(ROOT, true, "{'policies':['admin'],'period':'768h0m0s','ttl':'0s'}").entry();

        assertThat(entry.ttl()).isEqualTo(2_764_800L);
        assertThat(entry.expireTime()).isEqualTo(T + 2_764_800L);
        assertThat(entry.period()).isEqualTo(2_764_800L);
        assertThat(entry.renewable()).isTrue();
        assertThat(entry.issueTime()).isEqualTo("2024-05-01T12:00:00.5Z");
    }

    @Test
    void explicitMaxTtlCapsTheRequestedTtlWithAWarning() {
        TokenCreation.Plan plan = plan(ROOT, true, "{'policies':['admin'],'ttl':'10h','explicit_max_ttl':'1h'}");

        assertThat(plan.entry().ttl()).isEqualTo(3600);
        assertThat(plan.entry().explicitMaxTtl()).isEqualTo(3600);
        assertThat(plan.warnings()).hasSize(1);
    }

    @Test
    void rootChildOfRootNeverExpiresAndIsNotRenewable() {
        TokenEntry entry = plan(ROOT, true, "{}").entry();

        assertThat(entry.policies()).containsExactly("root");
        assertThat(entry.expireTime()).isZero();
        assertThat(entry.renewable()).isFalse();
    }

    @Test
    void childOfAnExpiringTokenInheritsPoliciesAndGetsTheDefaultTtl() {
        TokenEntry entry = plan(ADMIN, false, "{'renewable':'false','num_uses':'3','display_name':'a.b'}").entry();

        assertThat(entry.policies()).containsExactly("admin", "default");
        assertThat(entry.ttl()).isEqualTo(2_764_800L);
        assertThat(entry.renewable()).isFalse();
        assertThat(entry.numUses()).isEqualTo(3);
        assertThat(entry.displayName()).isEqualTo("token-a-b");
    }

    @Test
    void limitedUseParentsAndBadFieldsAreRefused() {
        assertThatThrownBy(() -> plan(ADMIN.withNumUses(2), false, "{}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors())
                        .containsExactly("restricted use token cannot generate child tokens"));
        assertThatThrownBy(() -> plan(ROOT, true, "{'type':'other'}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors())
                        .containsExactly("invalid 'token_type' value"));
        assertThatThrownBy(() -> plan(ROOT, true, "{'id':'a.b'}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors())
                        .containsExactly("custom token ID cannot have a '.' in the value"));
        assertThatThrownBy(() -> plan(ROOT, true, "{'entity_alias':'x'}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> plan(ROOT, true, "{'meta':'x'}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}
