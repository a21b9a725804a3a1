package io.coffer.api;

/** Vault's logical operations, derived from the HTTP method (vault-api.md §1.2). */
public enum Operation {
    READ, LIST, CREATE, UPDATE, PATCH, DELETE, HEAD;

    /** The ACL capability name this operation needs. */
    public String capability() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
