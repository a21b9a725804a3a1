package io.coffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A node initialised (one share) and unsealed through the CLI itself, and a CLI holding its root token. */
final class UnsealedNode implements AutoCloseable {

    private final TestNode node;
    private final String rootToken;
    private final Path home;

    private UnsealedNode(TestNode node, String rootToken, Path home) {
        this.node = node;
        this.rootToken = rootToken;
        this.home = home;
    }

    static UnsealedNode start(Path dataDir, Path home) {
        TestNode node = TestNode.start(dataDir);
        Cli cli = new Cli(node.address(), home);
        try {
            JsonNode init = new ObjectMapper().readTree(cli.run("operator", "init", "-n=1", "-t=1", "-format=json")
                    .out());
            cli.run("operator", "unseal", init.path("unseal_keys_b64").get(0).asText());
            return new UnsealedNode(node, init.path("root_token").asText(), home);
        } catch (IOException e) {
            node.close();
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh CLI with VAULT_TOKEN set to the root token. */
    Cli cli() {
        return new Cli(node.address(), home).token(rootToken);
    }

    String address() {
        return node.address();
    }

    String rootToken() {
        return rootToken;
    }

    @Override
    public void close() {
        node.close();
    }
}
