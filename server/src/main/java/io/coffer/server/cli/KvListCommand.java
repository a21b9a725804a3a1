package io.coffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer kv list PATH}: v2 lists {@code <mount>/metadata/<path>}, v1 the path itself (both as
 * {@code GET ?list=true}); prints a sorted {@code Keys} column. Nothing there: {@code No value found at ...}, exit 2.
 */
@Command(name = "list", exitCodeOnInvalidInput = 1, description = "List keys under a path.")
final class KvListCommand extends KvSubcommand {

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Folder path, e.g. secret/ or secret/app/.")
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        requireArgs(args, 1);
        Target target = resolve(args.get(0));
        String fullPath = target.fullPath("metadata");
        Secret secret = attempt(() -> client().list(fullPath), "Error listing " + fullPath);
        return printList(this, secret, fullPath);
    }

    /** The CLI's list output rules, shared with {@code coffer list}. */
    static int printList(ClientCommand command, Secret secret, String path) {
        Ui ui = command.ui();
        if (secret != null && secret.wrapInfo() != null) {
            return ui.secret(secret);
        }
        JsonNode keys = secret == null ? null : secret.field("keys");
        boolean ok = keys != null && keys.isArray();
        if (!ui.isTable() && (secret == null || secret.data() == null || !ok)) {
            ui.json(JsonNodeFactory.instance.objectNode());
            return 2;
        }
        if (secret == null) {
            throw CommandFailure.remote("No value found at " + path);
        }
        if (secret.data() == null) {
            return ui.secret(secret);
        }
        if (!ok) {
            throw CommandFailure.remote("No entries found at " + path);
        }
        return ui.list(secret);
    }
}
