package io.coffer.server;

import io.coffer.api.ApiNode;
import io.coffer.api.ApiOptions;
import io.coffer.api.auth.TokenStore;
import io.coffer.api.core.NodeIdentity;
import io.coffer.api.http.ApiServerOptions;
import io.coffer.api.mount.MountEntries;
import io.coffer.seal.SealConfig;
import io.coffer.seal.ShareCodec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code coffer server -dev}, as {@code vault server -dev}: one node with its data in a temporary directory
 * (deleted on exit), plain HTTP, initialised with one key share, unsealed, {@code secret/} mounted as KV v2.
 */
final class DevMode {

    private DevMode() {
    }

    static CofferNode start(String listenAddress, String rootTokenId, boolean kvV1) throws IOException {
        int colon = listenAddress.lastIndexOf(':');
        String host = listenAddress.substring(0, colon);
        int port = Integer.parseInt(listenAddress.substring(colon + 1));
        Path dir = Files.createTempDirectory("coffer-dev-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "dev-cleanup"));
        NodeIdentity identity = new NodeIdentity("dev-node", "http://" + listenAddress,
                "https://" + host + ":" + (port + 1));
        NodeSettings settings = new NodeSettings(identity, dir,
                List.of(new ApiServerOptions(host, port, null, ApiServerOptions.DEFAULT_MAX_REQUEST_SIZE, 300, true)),
                host, port + 1, 0, ApiOptions.defaults());
        CofferNode node = CofferNode.start(settings);
        ApiNode api = node.api();
        String rootToken = rootTokenId == null || rootTokenId.isEmpty() ? TokenStore.newTokenId() : rootTokenId;
        byte[] unsealKey = api.initialize(SealConfig.shamir(1, 1), rootToken).get(0);
        api.seal().open(unsealKey);
        api.mounts().mount(MountEntries.create("secret/", "kv", "key/value secret storage",
                Map.of("version", kvV1 ? "1" : "2"), false));
        banner(System.out, listenAddress, ShareCodec.base64(unsealKey), rootToken);
        return node;
    }

    private static void banner(PrintStream out, String address, String unsealKey, String rootToken) {
        out.println("WARNING! dev mode is enabled! In this mode, Coffer runs with its data in a temporary");
        out.println("directory, already initialised and unsealed, over plain HTTP. Do not run it in production.");
        out.println();
        out.println("You may need to set the following environment variables:");
        out.println();
        out.println("    $ export VAULT_ADDR='http://" + address + "'");
        out.println();
        out.println("The unseal key and root token are displayed below in case you want to");
        out.println("seal/unseal the Vault or re-authenticate.");
        out.println();
        out.println("Unseal Key: " + unsealKey);
        out.println("Root Token: " + rootToken);
        out.println();
        out.println("Development mode should NOT be used in production installations!");
        out.flush();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: the directory lives under the system temp dir
        }
    }
}
