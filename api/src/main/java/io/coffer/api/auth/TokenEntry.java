package io.coffer.api.auth;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * A stored token (never the token itself: it is stored under the salted hash of its id).
 *
 * @param accessor        the token's accessor
 * @param policies        attached policies, sorted
 * @param path            the creation path ({@code auth/token/root}, {@code auth/token/create})
 * @param displayName     display name
 * @param meta            metadata or null
 * @param creationTime    unix seconds
 * @param creationTtl     seconds, 0 = never expires
 * @param expireTime      unix seconds, 0 = never
 * @param explicitMaxTtl  seconds, 0 = none
 * @param period          seconds, 0 = not periodic
 * @param renewable       whether renew is allowed
 * @param numUses         remaining uses, 0 = unlimited, {@link #REVOCATION_PENDING} = used up or being revoked
 * @param parentHash      salted hash of the parent token, or null for orphans
 * @param type            {@code service}
 * @param ttl             seconds granted by the last creation or renewal (the next renewal's default increment)
 * @param issueTime       RFC 3339 creation time with nanoseconds, or null for entries written before it existed
 * @param lastRenewalTime unix seconds of the last renewal, 0 = never renewed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenEntry(String accessor, List<String> policies, String path, String displayName,
                         Map<String, String> meta, long creationTime, long creationTtl, long expireTime,
                         long explicitMaxTtl, long period, boolean renewable, int numUses, String parentHash,
                         String type, long ttl, String issueTime, long lastRenewalTime) {

    /** Vault's {@code tokenRevocationPending}: the entry no longer authenticates anything. */
    public static final int REVOCATION_PENDING = -1;

    public TokenEntry {
        policies = List.copyOf(policies);
        meta = meta == null ? null : Map.copyOf(meta);
    }

    /** The original shape (before renewal bookkeeping), kept for callers that build entries directly. */
    public TokenEntry(String accessor, List<String> policies, String path, String displayName,
                      Map<String, String> meta, long creationTime, long creationTtl, long expireTime,
                      long explicitMaxTtl, long period, boolean renewable, int numUses, String parentHash,
                      String type) {
        this(accessor, policies, path, displayName, meta, creationTime, creationTtl, expireTime, explicitMaxTtl,
                period, renewable, numUses, parentHash, type, creationTtl, null, 0);
    }

    @JsonIgnore
    public boolean isRoot() {
        return policies.contains("root");
    }

    /** Whether the token was created without a parent (or its parent was revoked with revoke-orphan). */
    @JsonIgnore
    public boolean isOrphan() {
        return parentHash == null;
    }

    /** Whether this entry is used up or being revoked, so it must not authenticate anything. */
    @JsonIgnore
    public boolean revocationPending() {
        return numUses < 0;
    }

    /** Whether the token has expired at {@code nowSeconds}. Tokens without an expiry never expire. */
    public boolean expiredAt(long nowSeconds) {
        return expireTime != 0 && expireTime <= nowSeconds;
    }

    /** The same entry with {@code uses} remaining uses. */
    public TokenEntry withNumUses(int uses) {
        return new TokenEntry(accessor, policies, path, displayName, meta, creationTime, creationTtl, expireTime,
                explicitMaxTtl, period, renewable, uses, parentHash, type, ttl, issueTime, lastRenewalTime);
    }

    /** The same entry with another parent ({@code null}: orphaned). */
    public TokenEntry withParent(String hash) {
        return new TokenEntry(accessor, policies, path, displayName, meta, creationTime, creationTtl, expireTime,
                explicitMaxTtl, period, renewable, numUses, hash, type, ttl, issueTime, lastRenewalTime);
    }

    /** The entry after a renewal at {@code nowSeconds} granting {@code grantedTtl} seconds. */
    public TokenEntry renewed(long nowSeconds, long grantedTtl) {
        return new TokenEntry(accessor, policies, path, displayName, meta, creationTime, creationTtl,
                nowSeconds + grantedTtl, explicitMaxTtl, period, renewable, numUses, parentHash, type, grantedTtl,
                issueTime, nowSeconds);
    }
}
