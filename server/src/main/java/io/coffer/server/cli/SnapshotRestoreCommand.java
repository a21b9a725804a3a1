package io.coffer.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer operator raft snapshot restore [-force] FILE}: streams FILE as the raw body of
 * {@code POST sys/storage/raft/snapshot} (or {@code snapshot-force}, which skips the unseal-key check). Never
 * retried; a 307 from a standby is followed by replaying the file. Prints nothing on success.
 */
@Command(name = "restore", exitCodeOnInvalidInput = 1, description = "Restore the Raft data from a snapshot FILE.")
final class SnapshotRestoreCommand extends ClientCommand {

    @Option(names = {"-force", "--force"}, arity = "0..1", paramLabel = "BOOL",
            description = "Install a snapshot taken with different unseal keys.")
    private boolean force;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "The snapshot to restore.")
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        if (args.size() != 1) {
            throw CommandFailure.usage("Incorrect arguments (expected 1, got " + args.size() + ")");
        }
        Path file = Path.of(args.get(0).trim());
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw CommandFailure.remote("Error opening policy file: open " + file + ": no such file or directory");
        }
        VaultClient client = client();
        String path = force ? "sys/storage/raft/snapshot-force" : "sys/storage/raft/snapshot";
        attempt(() -> client.execute(VaultRequest.postFile(path, file)), "Error installing the snapshot");
        return 0;
    }
}
