package io.coffer.api.core;

/** The Vault release whose API this server speaks, as reported in seal-status and health. */
public final class VaultVersion {

    /** The Vault version string tools display. */
    public static final String VERSION = "1.15.6";
    /** RFC 3339 build date reported with it. */
    public static final String BUILD_DATE = "2026-11-26T00:00:00Z";

    private VaultVersion() {
    }
}
