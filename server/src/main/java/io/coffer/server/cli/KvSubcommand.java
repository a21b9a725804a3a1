package io.coffer.server.cli;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * Base of the {@code kv} subcommands: the {@code -mount} flag and the preflight that decides between KV v1 and v2
 * paths. {@code kv get secret/app} preflights {@code secret/app}; {@code kv get -mount=secret app} preflights
 * {@code secret} and joins the path under the mount found.
 */
abstract class KvSubcommand extends ClientCommand {

    @Option(names = {"-mount", "--mount"}, paramLabel = "MOUNT",
            description = "The KV mount; the argument is then the path inside it (e.g. -mount=secret app).")
    private String mount = "";

    /**
     * Where one KV argument points.
     *
     * @param partialPath the argument as the CLI keeps it (joined under the mount for v2 with {@code -mount})
     * @param mountPath   the mount path the preflight returned
     * @param v2          whether the mount is KV version 2
     * @param mountFlag   the {@code -mount} value, empty when the argument carries the mount
     */
    record Target(String partialPath, String mountPath, boolean v2, String mountFlag) {

        /** The API path: v2 inserts {@code apiPrefix} after the mount; v1 uses the path as it is. */
        String fullPath(String apiPrefix) {
            if (v2) {
                return KvPaths.addPrefix(partialPath, mountPath, apiPrefix);
            }
            if (mountFlag.isEmpty()) {
                return partialPath;
            }
            return KvPaths.join(mountPath.isEmpty() ? mountFlag : mountPath, partialPath);
        }
    }

    /** Runs the preflight for {@code arg}; its failure prints the raw error and exits 2, as the CLI does. */
    protected final Target resolve(String arg) {
        String partial = KvPaths.sanitize(arg);
        String flag = KvPaths.sanitize(mount);
        String probe = flag.isEmpty() ? partial : flag;
        VaultClient client = client();
        KvPaths.Mount found = attempt(() -> KvPaths.preflight(client, probe), "");
        String path = !flag.isEmpty() && found.v2() ? KvPaths.join(found.mountPath(), partial) : partial;
        return new Target(path, found.mountPath(), found.v2(), flag);
    }

    /** The {@code <mount>/metadata/<path>} of the one argument; a KV v1 mount has no metadata (usage error). */
    protected final String metadataPath(List<String> args) {
        requireArgs(args, 1);
        Target target = resolve(args.get(0));
        if (!target.v2()) {
            throw CommandFailure.usage("Metadata not supported on KV Version 1");
        }
        return target.fullPath("metadata");
    }
}
