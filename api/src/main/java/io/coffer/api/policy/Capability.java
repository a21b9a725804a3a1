package io.coffer.api.policy;

import io.coffer.api.Operation;
import java.util.Locale;

/**
 * A capability a policy path rule may grant. The declaration order is the order in which Vault reports
 * capabilities ({@code sys/capabilities-self}): sudo, read, list, update, delete, create, patch, subscribe, recover.
 */
public enum Capability {
    DENY, SUDO, READ, LIST, UPDATE, DELETE, CREATE, PATCH, SUBSCRIBE, RECOVER;

    /** The lowercase name used in policy text and in API answers. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The capability named {@code text} in policy text, or null when there is none. */
    public static Capability parse(String text) {
        for (Capability capability : values()) {
            if (capability.text().equals(text)) {
                return capability;
            }
        }
        return null;
    }

    /**
     * The capability {@code operation} needs, or null when no capability grants it: Vault's ACL has no rule for
     * the header operation behind HEAD, so only root may perform it through the ACL.
     */
    public static Capability forOperation(Operation operation) {
        return switch (operation) {
            case READ -> READ;
            case LIST -> LIST;
            case CREATE -> CREATE;
            case UPDATE -> UPDATE;
            case PATCH -> PATCH;
            case DELETE -> DELETE;
            case HEAD -> null;
        };
    }
}
