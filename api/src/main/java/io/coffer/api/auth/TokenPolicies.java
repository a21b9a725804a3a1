package io.coffer.api.auth;

import io.coffer.api.ApiException;
import io.coffer.api.policy.PolicyNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Which policies a new token gets (vault-api.md §6.2), following Vault's token store without roles: no policies
 * asked for inherits the parent's; a caller without sudo may only ask for a subset of its own and gets
 * {@code default} only when it holds it; a sudo caller gets {@code default} added; {@code no_default_policy}
 * strips it in every case. Pure.
 */
final class TokenPolicies {

    private TokenPolicies() {
    }

    /**
     * Vault's {@code policyutil.SanitizePolicies}: trimmed, lower-cased, de-duplicated and sorted; {@code root}
     * alone when present; {@code default} added when {@code addDefault}.
     */
    static List<String> sanitize(List<String> policies, boolean addDefault) {
        TreeSet<String> out = new TreeSet<>();
        for (String raw : policies) {
            String name = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
            if (name.equals(PolicyNames.ROOT)) {
                return List.of(PolicyNames.ROOT);
            }
            if (!name.isEmpty()) {
                out.add(name);
            }
        }
        if (addDefault) {
            out.add(PolicyNames.DEFAULT);
        }
        return new ArrayList<>(out);
    }

    /**
     * The policies of a child of a token holding {@code parentPolicies}.
     *
     * @param requested       the {@code policies} field (empty when omitted)
     * @param sudo            whether the caller has sudo on the create path (root tokens do)
     * @param noDefaultPolicy the {@code no_default_policy} field
     * @throws ApiException 400 with Vault's text when the request is refused
     */
    static List<String> forChild(List<String> parentPolicies, List<String> requested, boolean sudo,
                                 boolean noDefaultPolicy) {
        List<String> chosen;
        boolean addDefault;
        if (requested.isEmpty()) {
            chosen = sanitize(parentPolicies, false);
            addDefault = false;
        } else if (!sudo) {
            List<String> asked = sanitize(requested, false);
            if (!sanitize(parentPolicies, false).containsAll(asked)) {
                throw ApiException.badRequest("child policies must be subset of parent");
            }
            chosen = asked;
            addDefault = !noDefaultPolicy && parentPolicies.contains(PolicyNames.DEFAULT);
        } else {
            chosen = requested;
            addDefault = !noDefaultPolicy;
        }
        List<String> result = new ArrayList<>(sanitize(chosen, addDefault));
        if (noDefaultPolicy) {
            result.remove(PolicyNames.DEFAULT);
        }
        for (String policy : result) {
            if (!PolicyNames.isAssignable(policy)) {
                throw ApiException.badRequest("cannot assign policy \"" + policy + "\"");
            }
        }
        if (result.contains(PolicyNames.ROOT) && !parentPolicies.contains(PolicyNames.ROOT)) {
            throw ApiException.badRequest("root tokens may not be created without parent token being root");
        }
        return List.copyOf(result);
    }
}
