package io.coffer.server;

import io.coffer.api.core.VaultVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code coffer --version}. */
public final class CofferVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String own = Main.class.getPackage().getImplementationVersion();
        return new String[] {"Coffer " + (own == null ? "dev" : own) + " (Vault API " + VaultVersion.VERSION + ")"};
    }
}
