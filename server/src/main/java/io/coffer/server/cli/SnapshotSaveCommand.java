package io.coffer.server.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer operator raft snapshot save FILE}: streams {@code GET sys/storage/raft/snapshot} (no retries, one
 * followed redirect) into FILE with mode 0600, then checks that the gzip'd tar holds a non-empty
 * {@code SHA256SUMS.sealed}, as the Go client does; prints nothing on success.
 */
@Command(name = "save", exitCodeOnInvalidInput = 1, description = "Save a snapshot of the Raft data to FILE.")
final class SnapshotSaveCommand extends ClientCommand {

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Where to write the snapshot.")
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        if (args.size() != 1) {
            throw CommandFailure.usage("Incorrect arguments (expected 1, got " + args.size() + ")");
        }
        String name = args.get(0).trim();
        if (name.isEmpty()) {
            throw CommandFailure.usage("Output file name is required");
        }
        Path file = Path.of(name);
        VaultClient client = client();
        attempt(() -> {
            try {
                client.download(VaultRequest.get("sys/storage/raft/snapshot").notRetried(), body -> {
                    try (OutputStream out = open(file)) {
                        body.transferTo(out);
                    }
                });
                if (!SnapshotArchive.hasSealedChecksums(file)) {
                    throw new ClientException("incomplete snapshot, unable to read SHA256SUMS.sealed file");
                }
                return null;
            } catch (IOException e) {
                throw new ClientException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
            }
        }, "Error taking the snapshot");
        return 0;
    }

    /** Creates FILE with mode 0600 (or truncates it and narrows its mode to 0600). */
    private static OutputStream open(Path file) throws IOException {
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
        } else {
            try {
                Files.setPosixFilePermissions(file, ownerOnly);
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: nothing to narrow
            }
        }
        return Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
