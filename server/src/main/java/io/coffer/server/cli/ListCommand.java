package io.coffer.server.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coffer list PATH}: {@code GET /v1/<path>?list=true}; a sorted {@code Keys} column. */
@Command(name = "list", exitCodeOnInvalidInput = 1, description = "List keys at any API path.")
public final class ListCommand extends ClientCommand {

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "API path (without /v1/).")
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        requireArgs(args, 1);
        String path = KvPaths.sanitize(args.get(0));
        VaultClient client = client();
        Secret secret = attempt(() -> client.list(path), "Error listing " + path);
        return KvListCommand.printList(this, secret, path);
    }
}
