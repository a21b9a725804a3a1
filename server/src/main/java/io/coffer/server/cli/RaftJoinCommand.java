package io.coffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer operator raft join [LEADER]}: sent to the joining node itself (the local {@code VAULT_ADDR}) as
 * {@code POST sys/storage/raft/join} with the CLI's nine keys (vault-api.md §12). LEADER is the leader's API address,
 * or a go-discover string containing {@code provider=}, sent as {@code auto_join}. The certificate flags take PEM
 * text, {@code @file}, or a file path.
 */
@Command(name = "join", exitCodeOnInvalidInput = 1, description = "Join this (sealed) node to a Raft cluster.")
final class RaftJoinCommand extends ClientCommand {

    @Option(names = {"-leader-ca-cert", "--leader-ca-cert"}, paramLabel = "PEM|@FILE",
            description = "CA certificate to verify the leader's API with.")
    private String leaderCaCert = "";

    @Option(names = {"-leader-client-cert", "--leader-client-cert"}, paramLabel = "PEM|@FILE",
            description = "Client certificate for the leader's API.")
    private String leaderClientCert = "";

    @Option(names = {"-leader-client-key", "--leader-client-key"}, paramLabel = "PEM|@FILE",
            description = "Client key for the leader's API.")
    private String leaderClientKey = "";

    @Option(names = {"-retry", "--retry"}, arity = "0..1", paramLabel = "BOOL",
            description = "Keep retrying the join in the background.")
    private boolean retry;

    @Option(names = {"-non-voter", "--non-voter"}, arity = "0..1", paramLabel = "BOOL",
            description = "Join as a non-voter (refused by Community Edition servers).")
    private boolean nonVoter;

    @Option(names = {"-auto-join-scheme", "--auto-join-scheme"}, paramLabel = "SCHEME",
            description = "Scheme for auto-join addresses: http or https (default https).")
    private String autoJoinScheme = "https";

    @Option(names = {"-auto-join-port", "--auto-join-port"}, paramLabel = "PORT",
            description = "Port for auto-join addresses (default 8200).")
    private int autoJoinPort = 8200;

    @Parameters(arity = "0..*", paramLabel = "LEADER", description = "Leader API address, e.g. https://n1:8200.")
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        if (args.size() > 1) {
            throw CommandFailure.usage("Too many arguments (expected 0-1, got " + args.size() + ")");
        }
        String leader = args.isEmpty() ? "" : args.get(0).trim();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        boolean autoJoin = leader.contains("provider=");
        if (autoJoin && !autoJoinScheme.equals("http") && !autoJoinScheme.equals("https")) {
            throw CommandFailure.usage("invalid scheme \"" + autoJoinScheme + "\"; must either be http or https");
        }
        body.put("auto_join", autoJoin ? leader : "");
        body.put("auto_join_scheme", autoJoin ? autoJoinScheme : "");
        body.put("auto_join_port", autoJoin ? autoJoinPort : 0);
        body.put("leader_api_addr", autoJoin ? "" : leader);
        body.put("leader_ca_cert", pem(leaderCaCert, "leader CA certificate"));
        body.put("leader_client_cert", pem(leaderClientCert, "leader client certificate"));
        body.put("leader_client_key", pem(leaderClientKey, "leader client key"));
        body.put("retry", retry);
        body.put("non_voter", nonVoter);
        VaultClient client = client();
        JsonNode reply = attempt(() -> client.json(VaultRequest.post("sys/storage/raft/join", body)),
                "Error joining the node to the Raft cluster");
        boolean joined = reply != null && reply.path("joined").asBoolean();
        if (!ui().isTable()) {
            return ui().json(JsonNodeFactory.instance.objectNode().put("joined", joined));
        }
        ui().table(List.of("Key | Value", "Joined | " + joined));
        return 0;
    }

    /** Vault's {@code parseFlagFile} ({@code @file} or literal PEM), plus a bare path to an existing file. */
    private static String pem(String raw, String what) {
        Path file = null;
        if (raw.startsWith("@")) {
            file = Path.of(raw.substring(1));
        } else if (!raw.isEmpty() && !raw.contains("-----BEGIN") && Files.isRegularFile(Path.of(raw))) {
            file = Path.of(raw);
        }
        if (file == null) {
            return raw;
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw CommandFailure.usage("Failed to parse " + what + ": error reading file: " + e.getMessage());
        }
    }
}
