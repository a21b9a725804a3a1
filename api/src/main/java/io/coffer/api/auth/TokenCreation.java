package io.coffer.api.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.Timestamps;
import io.coffer.api.policy.PolicyNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans a token creation (vault-api.md §6.2) the way Vault's {@code handleCreateCommon} does without roles: field
 * validation, the sudo-only options ({@code id}, {@code no_parent}, {@code period}), the child's policies and its
 * TTL. Pure: the caller supplies the parent, its sudo status and the time, and stores the result.
 */
final class TokenCreation {

    /**
     * What to store.
     *
     * @param customId the caller-chosen token id, or null for a random one
     * @param entry    the new entry (with no parent yet)
     * @param orphan   whether the token gets no parent
     * @param warnings warnings for the response
     */
    record Plan(String customId, TokenEntry entry, boolean orphan, List<String> warnings) {
    }

    private TokenCreation() {
    }

    /**
     * @param parent     the calling token
     * @param data       the request body
     * @param sudo       whether the caller has sudo on the create path (root tokens do)
     * @param orphanPath whether this is {@code create-orphan}
     * @param path       the creation path ({@code auth/token/create})
     * @throws ApiException 400 with Vault's text when the request is refused
     */
    static Plan plan(TokenEntry parent, ObjectNode data, boolean sudo, boolean orphanPath, String path,
                     Instant now, TokenTtl ttls) {
        if (parent.numUses() != 0) {
            throw ApiException.badRequest("restricted use token cannot generate child tokens");
        }
        checkType(WeakFields.text(data, "type"));
        long numUses = WeakFields.integer(data, "num_uses");
        if (numUses < 0) {
            throw ApiException.badRequest("number of uses cannot be negative");
        }
        if (!WeakFields.text(data, "entity_alias").isEmpty()) {
            throw ApiException.badRequest("'entity_alias' is only allowed in combination with token role");
        }
        String id = WeakFields.text(data, "id");
        if (!id.isEmpty()) {
            if (!sudo) {
                throw ApiException.badRequest("root or sudo privileges required to specify token id");
            }
            TokenIds.checkCustomId(id);
        }
        boolean noDefault = Boolean.TRUE.equals(WeakFields.bool(data, "no_default_policy"));
        List<String> policies = TokenPolicies.forChild(parent.policies(), WeakFields.strings(data, "policies"),
                sudo, noDefault);
        boolean noParent = Boolean.TRUE.equals(WeakFields.bool(data, "no_parent"));
        if (noParent && !sudo) {
            throw ApiException.badRequest("root or sudo privileges required to create orphan token");
        }
        Lifetime life = lifetime(parent, data, sudo, policies, now.getEpochSecond(), ttls);
        Boolean renewableField = WeakFields.bool(data, "renewable");
        boolean renewable = life.ttl() != 0 && (renewableField == null || renewableField);
        Map<String, String> meta = WeakFields.stringMap(data, "meta");
        long created = now.getEpochSecond();
        TokenEntry entry = new TokenEntry(TokenIds.newAccessor(), policies, path,
                TokenIds.displayName(WeakFields.text(data, "display_name")), meta, created, life.ttl(),
                life.ttl() == 0 ? 0 : created + life.ttl(), life.explicitMaxTtl(), life.period(), renewable,
                (int) Math.min(Integer.MAX_VALUE, numUses), null, "service", life.ttl(), Timestamps.format(now),
                0);
        return new Plan(id.isEmpty() ? null : id, entry, noParent || orphanPath, life.warnings());
    }

    private record Lifetime(long ttl, long explicitMaxTtl, long period, List<String> warnings) {
    }

    private static Lifetime lifetime(TokenEntry parent, ObjectNode data, boolean sudo, List<String> policies,
                                     long now, TokenTtl ttls) {
        long explicitMax = WeakFields.seconds(data, "explicit_max_ttl");
        if (explicitMax < 0) {
            throw ApiException.badRequest("explicit_max_ttl must be positive");
        }
        long period = WeakFields.seconds(data, "period");
        if (period < 0) {
            throw ApiException.badRequest("period must be positive");
        }
        if (period > 0 && !sudo) {
            throw ApiException.badRequest("root or sudo privileges required to create periodic token");
        }
        long ttl = WeakFields.seconds(data, "ttl");
        if (ttl < 0) {
            throw ApiException.badRequest("ttl must be positive");
        }
        if (ttl == 0) {
            ttl = WeakFields.seconds(data, "lease");
            if (ttl < 0) {
                throw ApiException.badRequest("lease must be positive");
            }
        }
        List<String> warnings = new ArrayList<>();
        if (period > 0 || ttl > 0 || !policies.contains(PolicyNames.ROOT)) {
            TokenTtl.Grant grant = ttls.calculate(now, 0, ttl, period, explicitMax, now);
            ttl = grant.ttl();
            warnings.addAll(grant.warnings());
        }
        if (ttl == 0 && explicitMax > 0) {
            ttl = explicitMax;
        }
        if (ttl == 0 && parent.creationTtl() != 0) {
            throw ApiException.badRequest("expiring root tokens cannot create non-expiring root tokens");
        }
        return new Lifetime(ttl, explicitMax, period, warnings);
    }

    private static void checkType(String type) {
        if (type.equals("batch")) {
            throw ApiException.badRequest("batch tokens are not supported; use \"service\"");
        }
        if (!type.isEmpty() && !type.equals("service")) {
            throw ApiException.badRequest("invalid 'token_type' value");
        }
    }
}
