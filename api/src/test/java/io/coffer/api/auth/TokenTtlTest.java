package io.coffer.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.api.ApiException;
import org.junit.jupiter.api.Test;

/** Token lifetime arithmetic (Vault's framework.CalculateTTL for the token store), no storage. */
class TokenTtlTest {

    private static final long HOUR = 3600;
    private static final long T0 = 1_700_000_000L;
    private final TokenTtl ttls = TokenTtl.VAULT_DEFAULTS;

    @Test
    void tokenWithoutTtlGetsTheSystemDefault() {
        TokenTtl.Grant grant = ttls.calculate(T0, 0, 0, 0, 0, T0);

        assertThat(grant.ttl()).isEqualTo(768 * HOUR);
        assertThat(grant.warnings()).isEmpty();
    }

    @Test
    void periodicTokenGetsItsPeriodOnEveryRenewalWhateverTheIncrement() {
        long later = T0 + 10_000 * HOUR;

        assertThat(ttls.calculate(T0, 0, 0, 768 * HOUR, 0, T0).ttl()).isEqualTo(768 * HOUR);
        assertThat(ttls.calculate(later, 5 * HOUR, 768 * HOUR, 24 * HOUR, 0, T0).ttl()).isEqualTo(24 * HOUR);
    }

    @Test
    void periodAboveTheSystemMaximumIsCappedWithAWarning() {
        TokenTtl.Grant grant = ttls.calculate(T0, 0, 0, 1000 * HOUR, 0, T0);

        assertThat(grant.ttl()).isEqualTo(768 * HOUR);
        assertThat(grant.warnings()).containsExactly(
                "period of \"1000h\" exceeded the effective max_ttl of \"768h\"; period value is capped accordingly");
    }

    @Test
    void periodicTokenStillEndsAtItsExplicitMaxTtl() {
        TokenTtl.Grant grant = ttls.calculate(T0 + 20 * HOUR, 0, HOUR * 24, 24 * HOUR, 30 * HOUR, T0);

        assertThat(grant.ttl()).isEqualTo(10 * HOUR);
    }

    @Test
    void renewalUsesTheIncrementElseThePreviousTtl() {
        assertThat(ttls.calculate(T0 + HOUR, 2 * HOUR, HOUR, 0, 0, T0).ttl()).isEqualTo(2 * HOUR);
        assertThat(ttls.calculate(T0 + HOUR, 0, HOUR, 0, 0, T0).ttl()).isEqualTo(HOUR);
    }

    @Test
    void nonPeriodicTokenNeverLivesPastIssuePlusMaxTtl() {
        TokenTtl.Grant grant = ttls.calculate(T0 + 767 * HOUR, 5 * HOUR, HOUR, 0, 0, T0);

        assertThat(grant.ttl()).isEqualTo(HOUR);
        assertThat(grant.warnings()).containsExactly(
                "TTL of \"5h\" exceeded the effective max_ttl of \"1h\"; TTL value is capped accordingly");
    }

    @Test
    void explicitMaxTtlLowersTheMaximum() {
        assertThat(ttls.calculate(T0, 0, 10 * HOUR, 0, 2 * HOUR, T0).ttl()).isEqualTo(2 * HOUR);
    }

    @Test
    void renewingPastTheMaximumIs400() {
        assertThatThrownBy(() -> ttls.calculate(T0 + 769 * HOUR, 0, HOUR, 0, 0, T0))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors()).containsExactly("past the max TTL, cannot renew");
                });
    }
}
