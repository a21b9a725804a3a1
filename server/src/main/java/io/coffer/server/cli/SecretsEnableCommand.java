package io.coffer.server.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.GoDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer secrets enable [-path=P] TYPE}: {@code POST sys/mounts/<path>} with the CLI's body (vault-api.md
 * §12): TTLs as Go duration strings, {@code options} null unless {@code -version} or {@code -options} is given.
 */
@Command(name = "enable", exitCodeOnInvalidInput = 1, description = "Enable a secrets engine, e.g. kv-v2.")
final class SecretsEnableCommand extends ClientCommand {

    @Option(names = {"-path", "--path"}, paramLabel = "PATH", description = "Mount path (default: the type).")
    private String path = "";

    @Option(names = {"-description", "--description"}, paramLabel = "TEXT", description = "Human description.")
    private String description = "";

    @Option(names = {"-default-lease-ttl", "--default-lease-ttl"}, converter = DurationConverter.class,
            paramLabel = "DURATION", description = "Default lease TTL (0: system default).")
    private Duration defaultLeaseTtl = Duration.ZERO;

    @Option(names = {"-max-lease-ttl", "--max-lease-ttl"}, converter = DurationConverter.class,
            paramLabel = "DURATION", description = "Maximum lease TTL (0: system default).")
    private Duration maxLeaseTtl = Duration.ZERO;

    @Option(names = {"-force-no-cache", "--force-no-cache"}, arity = "0..1", paramLabel = "BOOL",
            description = "Force the engine to disable caching.")
    private boolean forceNoCache;

    @Option(names = {"-local", "--local"}, arity = "0..1", paramLabel = "BOOL", description = "Do not replicate.")
    private boolean local;

    @Option(names = {"-seal-wrap", "--seal-wrap"}, arity = "0..1", paramLabel = "BOOL",
            description = "Seal-wrap critical values.")
    private boolean sealWrap;

    @Option(names = {"-external-entropy-access", "--external-entropy-access"}, arity = "0..1", paramLabel = "BOOL",
            description = "Give the engine access to external entropy.")
    private boolean externalEntropyAccess;

    @Option(names = {"-options", "--options"}, paramLabel = "K=V", description = "Engine option (repeatable).")
    private Map<String, String> options = new LinkedHashMap<>();

    @Option(names = {"-version", "--version"}, paramLabel = "N", description = "Engine version (KV: 1 or 2).")
    private int version;

    @Parameters(arity = "0..*", paramLabel = "TYPE", description = "Engine type: kv, kv-v1 or kv-v2.")
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        requireArgs(args, 1);
        String type = args.get(0).trim();
        String mount = KvPaths.ensureTrailingSlash(path.isEmpty() ? type : path);
        if (version > 0) {
            options.put("version", Integer.toString(version));
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("type", type).put("description", description);
        ObjectNode config = body.putObject("config");
        config.putNull("options");
        config.put("default_lease_ttl", GoDuration.format(defaultLeaseTtl));
        config.put("max_lease_ttl", GoDuration.format(maxLeaseTtl));
        config.put("force_no_cache", forceNoCache);
        body.put("local", local).put("seal_wrap", sealWrap).put("external_entropy_access", externalEntropyAccess);
        if (options.isEmpty()) {
            body.putNull("options");
        } else {
            ObjectNode opts = body.putObject("options");
            options.forEach(opts::put);
        }
        VaultClient client = client();
        attempt(() -> client.send(VaultRequest.post("sys/mounts/" + mount, body)), "Error enabling");
        ui().output("Success! Enabled the " + type + " secrets engine at: " + mount);
        return 0;
    }
}
