package io.coffer.server.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes PEM files whole or not at all: the text goes to a temporary file in the target directory, which gets its
 * final permissions before it is renamed over the target. A private key is therefore never readable by others,
 * not even for an instant.
 */
final class PemFileWriter {

    private static final String PUBLIC_MODE = "rw-r--r--";
    private static final String PRIVATE_MODE = "rw-------";

    private PemFileWriter() {
    }

    /** A certificate file, mode 0644. */
    static void writePublic(Path file, String pem) throws IOException {
        write(file, pem, PUBLIC_MODE);
    }

    /** A private key file, mode 0600. */
    static void writePrivate(Path file, String pem) throws IOException {
        write(file, pem, PRIVATE_MODE);
    }

    private static void write(Path file, String pem, String mode) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        // createTempFile makes the file owner-only on POSIX file systems before any byte is written.
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temp, pem, StandardCharsets.US_ASCII);
            if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(mode));
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
