package io.coffer.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where to send requests and how to authenticate: shared by every benchmark. */
public final class ClientOptions {

    @Option(names = "--address", split = ",",
            description = "Vault API address(es); load is spread over them (default: $VAULT_ADDR).")
    List<String> addresses = new ArrayList<>();

    @Option(names = "--token", description = "Token (default: $VAULT_TOKEN).")
    String token;

    @Option(names = "--ca-cert", description = "CA certificate (PEM) to trust (default: $VAULT_CACERT).")
    Path caCert;

    @Option(names = "--mount", defaultValue = "secret", description = "KV v2 mount to use (default: secret).")
    String mount;

    List<String> addresses() {
        if (!addresses.isEmpty()) {
            return addresses;
        }
        String env = System.getenv("VAULT_ADDR");
        return List.of(env == null ? "https://127.0.0.1:8200" : env);
    }

    String token() {
        return token != null ? token : System.getenv("VAULT_TOKEN");
    }

    Path caCert() {
        if (caCert != null) {
            return caCert;
        }
        String env = System.getenv("VAULT_CACERT");
        return env == null || env.isEmpty() ? null : Path.of(env);
    }

    VaultClient client(int connections) {
        return new VaultClient(token(), caCert(), connections);
    }
}
