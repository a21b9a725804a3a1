package io.coffer.api.policy;

/**
 * The outcome of one ACL check.
 *
 * @param allowed whether the operation may proceed
 * @param sudo    whether the rule that decided grants {@code sudo}; endpoints on root-protected paths require it
 *                in addition to {@code allowed}
 * @param root    whether the token holds the {@code root} policy
 * @param reason  why a request was refused, for the server log only (never sent to clients); empty when allowed
 */
public record Decision(boolean allowed, boolean sudo, boolean root, String reason) {

    static final Decision ROOT = new Decision(true, true, true, "");

    static Decision allow(boolean sudo) {
        return new Decision(true, sudo, false, "");
    }

    static Decision deny(boolean sudo, String reason) {
        return new Decision(false, sudo, false, reason);
    }
}
