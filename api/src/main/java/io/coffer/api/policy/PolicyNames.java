package io.coffer.api.policy;

import java.util.Locale;
import java.util.Set;

/**
 * Vault's rules for policy names: names are stored trimmed and lowercased; {@code root} (and the internal
 * {@code response-wrapping} and {@code control-group} policies) can be neither written nor deleted; {@code default}
 * can be edited but not deleted; the internal policies cannot be attached to tokens.
 */
public final class PolicyNames {

    public static final String ROOT = "root";
    public static final String DEFAULT = "default";
    public static final String RESPONSE_WRAPPING = "response-wrapping";
    public static final String CONTROL_GROUP = "control-group";

    private static final Set<String> IMMUTABLE = Set.of(ROOT, RESPONSE_WRAPPING, CONTROL_GROUP);
    private static final Set<String> NON_ASSIGNABLE = Set.of(RESPONSE_WRAPPING, CONTROL_GROUP);

    private PolicyNames() {
    }

    /** The stored form of a policy name: trimmed and lowercased. */
    public static String normalize(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    /** Refuses a write to an immutable policy ({@code cannot update "root" policy}). */
    public static void checkWritable(String name) {
        String normalized = normalize(name);
        if (IMMUTABLE.contains(normalized)) {
            throw new PolicyException("cannot update \"" + normalized + "\" policy");
        }
    }

    /** Refuses deleting {@code root} ({@code cannot delete "root" policy}) or {@code default}. */
    public static void checkDeletable(String name) {
        String normalized = normalize(name);
        if (IMMUTABLE.contains(normalized)) {
            throw new PolicyException("cannot delete \"" + normalized + "\" policy");
        }
        if (normalized.equals(DEFAULT)) {
            throw new PolicyException("cannot delete default policy");
        }
    }

    /** Whether a token may carry this policy ({@code response-wrapping} and {@code control-group} may not). */
    public static boolean isAssignable(String name) {
        return !NON_ASSIGNABLE.contains(normalize(name));
    }
}
