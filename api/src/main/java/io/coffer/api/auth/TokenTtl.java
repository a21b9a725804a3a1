package io.coffer.api.auth;

import io.coffer.api.ApiException;
import io.coffer.api.GoDuration;
import java.util.ArrayList;
import java.util.List;

/**
 * Token lifetime arithmetic, as Vault's {@code framework.CalculateTTL} does it for the token store. All values are
 * whole seconds. Pure and thread-safe.
 *
 * <p>The effective maximum is the system {@code max_lease_ttl}, lowered by {@code explicit_max_ttl}. A periodic
 * token gets its period (capped at that maximum) every time, and only {@code explicit_max_ttl} bounds its
 * lifetime. Any other token gets the increment, else its previous TTL, else the default TTL, and never lives past
 * its issue time plus the effective maximum.
 *
 * @param defaultTtl the system {@code default_lease_ttl}
 * @param maxTtl     the system {@code max_lease_ttl}
 */
record TokenTtl(long defaultTtl, long maxTtl) {

    /** Vault's defaults: 768h each. */
    static final TokenTtl VAULT_DEFAULTS = new TokenTtl(2_764_800L, 2_764_800L);

    /** A granted TTL and the warnings to show with it. */
    record Grant(long ttl, List<String> warnings) {
        Grant {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The TTL granted at {@code now}.
     *
     * @param now            current unix seconds
     * @param increment      the renewal increment asked for, 0 = none
     * @param previousTtl    the TTL asked for at creation, or granted by the last renewal; 0 = none
     * @param period         the token's period, 0 = not periodic
     * @param explicitMaxTtl the token's explicit max TTL, 0 = none
     * @param issueTime      when the token was issued (unix seconds)
     * @throws ApiException 400 when the token is already past its maximum lifetime
     */
    Grant calculate(long now, long increment, long previousTtl, long period, long explicitMaxTtl, long issueTime) {
        long effectiveMax = maxTtl;
        if (explicitMaxTtl > 0 && explicitMaxTtl < effectiveMax) {
            effectiveMax = explicitMaxTtl;
        }
        List<String> warnings = new ArrayList<>();
        long ttl;
        long maxValidTime = 0;
        if (period > 0) {
            ttl = period;
            if (period > effectiveMax) {
                warnings.add("period of \"" + GoDuration.human(period) + "\" exceeded the effective max_ttl of \""
                        + GoDuration.human(effectiveMax) + "\"; period value is capped accordingly");
                ttl = effectiveMax;
            }
            if (explicitMaxTtl > 0) {
                maxValidTime = issueTime + explicitMaxTtl;
            }
        } else {
            ttl = increment > 0 ? increment : previousTtl > 0 ? previousTtl : defaultTtl;
            maxValidTime = issueTime + effectiveMax;
        }
        if (maxValidTime != 0) {
            long maxValidTtl = maxValidTime - now;
            if (maxValidTtl <= 0) {
                throw ApiException.badRequest("past the max TTL, cannot renew");
            }
            if (ttl > maxValidTtl) {
                warnings.add("TTL of \"" + GoDuration.human(ttl) + "\" exceeded the effective max_ttl of \""
                        + GoDuration.human(maxValidTtl) + "\"; TTL value is capped accordingly");
                ttl = maxValidTtl;
            }
        }
        return new Grant(ttl, warnings);
    }
}
