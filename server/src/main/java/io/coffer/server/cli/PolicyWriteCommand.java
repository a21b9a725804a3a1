package io.coffer.server.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer policy write NAME FILE|-}: {@code PUT sys/policies/acl/<name>} {@code {"policy":"<text>"}}, the name
 * lower-cased as the CLI does; {@code -} reads the policy from standard input.
 */
@Command(name = "write", exitCodeOnInvalidInput = 1, description = "Upload an ACL policy (HCL or JSON).")
final class PolicyWriteCommand extends ClientCommand {

    @Parameters(arity = "0..*", paramLabel = "NAME FILE", description = "Policy name and file (- for stdin).")
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        requireArgs(args, 2);
        String name = args.get(0).trim().toLowerCase(Locale.ROOT);
        String source = args.get(1).trim();
        String rules;
        try (InputStream in = source.equals("-") ? env().stdin() : Files.newInputStream(Path.of(source))) {
            rules = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CommandFailure.remote("Error opening policy file: " + e.getMessage());
        }
        VaultClient client = client();
        attempt(() -> client.send(VaultRequest.put("sys/policies/acl/" + name,
                JsonNodeFactory.instance.objectNode().put("policy", rules))), "Error uploading policy");
        ui().output("Success! Uploaded policy: " + name);
        return 0;
    }
}
