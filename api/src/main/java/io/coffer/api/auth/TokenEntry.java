package io.coffer.api.auth;

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
 * @param numUses         remaining uses, 0 = unlimited
 * @param parentHash      salted hash of the parent token, or null for orphans
 * @param type            {@code service}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenEntry(String accessor, List<String> policies, String path, String displayName,
                         Map<String, String> meta, long creationTime, long creationTtl, long expireTime,
                         long explicitMaxTtl, long period, boolean renewable, int numUses, String parentHash,
                         String type) {

    public boolean isRoot() {
        return policies.contains("root");
    }
}
