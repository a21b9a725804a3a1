package io.coffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer kv get [-version=N] PATH}: v2 reads {@code <mount>/data/<path>} and prints the {@code Secret Path},
 * {@code Metadata} and {@code Data} sections; a deleted or destroyed version (404 with metadata) still prints its
 * metadata and exits 0. A bare 404 is {@code No value found at ...}, exit 2.
 */
@Command(name = "get", exitCodeOnInvalidInput = 1, description = "Read a secret.")
final class KvGetCommand extends KvSubcommand {

    @Option(names = {"-version", "--version"}, paramLabel = "N", description = "Read version N (v2; default latest).")
    private int version;

    @Option(names = {"-field", "--field"}, paramLabel = "NAME", description = "Print only this field.")
    private String field = "";

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Secret path, e.g. secret/app.")
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        requireArgs(args, 1);
        Target target = resolve(args.get(0));
        String fullPath = target.fullPath("data");
        Map<String, String> query = target.v2() && version > 0 ? Map.of("version", Integer.toString(version))
                : Map.of();
        Secret secret = attempt(() -> client().read(fullPath, query), "Error reading " + fullPath);
        if (secret == null) {
            throw CommandFailure.remote("No value found at " + fullPath);
        }
        if (!field.isEmpty()) {
            return printField(secret, target.v2(), fullPath);
        }
        if (secret.wrapInfo() != null || !ui().isTable()) {
            return ui().secret(secret);
        }
        ui().printWarnings(secret);
        if (target.v2()) {
            ui().path(fullPath, "Secret Path");
        }
        JsonNode metadata = secret.field("metadata");
        if (metadata != null && metadata.isObject()) {
            ui().output(Ui.headerForMap("Metadata", metadata));
            ui().map(metadata);
            ui().output("");
        }
        JsonNode data = target.v2() ? secret.field("data") : secret.data();
        if (data != null && data.isObject()) {
            ui().output(Ui.headerForMap("Data", data));
            ui().map(data);
        }
        return 0;
    }

    private int printField(Secret secret, boolean v2, String fullPath) {
        boolean terminal = env().console() != null;
        if (!v2) {
            return RawField.print(ui(), RawField.of(secret, field), field, terminal);
        }
        JsonNode data = secret.field("data");
        if (data == null) {
            throw CommandFailure.remote("No data found at " + fullPath);
        }
        if (field.equals("data") && !data.has("data")) {
            return RawField.print(ui(), RawField.of(secret, field), field, terminal);
        }
        return RawField.print(ui(), data.get(field), field, terminal);
    }
}
