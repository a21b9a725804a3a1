package io.coffer.server.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coffer audit disable PATH}: {@code DELETE sys/audit/<path>}. */
@Command(name = "disable", exitCodeOnInvalidInput = 1, description = "Disable the audit device at PATH.")
final class AuditDisableCommand extends ClientCommand {

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Device path, e.g. file/.")
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        requireArgs(args, 1);
        String devicePath = KvPaths.ensureTrailingSlash(KvPaths.sanitize(args.get(0)));
        VaultClient client = client();
        attempt(() -> client.send(VaultRequest.delete("sys/audit/" + devicePath)), "Error disabling audit device");
        ui().output("Success! Disabled audit device (if it was enabled) at: " + devicePath);
        return 0;
    }
}
