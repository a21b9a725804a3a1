package io.coffer.server.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kv undelete} and {@code kv destroy}: {@code PUT <mount>/<verb>/<path>} {@code {"versions":[...]}} on a v2
 * mount; {@code -versions} is required.
 */
abstract class KvVersionCommand extends KvSubcommand {

    @Option(names = {"-versions", "--versions"}, paramLabel = "N,...", description = "Versions (required).")
    private List<String> versions = new ArrayList<>();

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Secret path.")
    private List<String> args = new ArrayList<>();

    /** {@code undelete} or {@code destroy}. */
    protected abstract String verb();

    /** {@code Undelete} or {@code Destroy}, for the v1 refusal. */
    protected abstract String title();

    @Override
    protected int execute() {
        if (versions.isEmpty()) {
            throw CommandFailure.usage("No versions provided, use the \"-versions\" flag to specify the version to "
                    + verb() + ".");
        }
        if (args.size() != 1) {
            throw CommandFailure.usage("Invalid number of arguments (expected 1, got " + args.size() + ")");
        }
        Target target = resolve(args.get(0));
        if (!target.v2()) {
            throw CommandFailure.usage(title() + " not supported on KV Version 1");
        }
        String fullPath = target.fullPath(verb());
        Secret secret = attempt(() -> client().send(VaultRequest.put(fullPath, KvVersions.body(versions))),
                "Error writing data to " + fullPath);
        if (secret == null) {
            if (ui().isTable()) {
                ui().output("Success! Data written to: " + fullPath);
            }
            return 0;
        }
        return ui().secret(secret);
    }
}
