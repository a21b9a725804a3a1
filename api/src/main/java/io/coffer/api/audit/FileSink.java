package io.coffer.api.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * An append-only audit file. Each line goes out in one write on a channel opened with {@code O_APPEND}. As Vault's
 * file device does, a failed write closes the file, reopens it and retries once. In addition, before each write the
 * path is checked to still name the open file: when it was moved away (log rotation) or replaced, the path is
 * reopened, so records never go to an unlinked file and a path that became unwritable fails the write.
 * Thread-safe (one line at a time).
 */
final class FileSink implements AuditSink {

    private static final int DEFAULT_CREATE_MODE = 0600;
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final Path path;
    private final int mode;
    private FileChannel channel;
    private Object fileKey;
    private boolean retired;

    /** {@code mode} 0 means "leave the file mode alone" (new files get 0600). */
    FileSink(Path path, int mode) {
        this.path = path.toAbsolutePath();
        this.mode = mode;
    }

    @Override
    public synchronized void write(byte[] line) throws IOException {
        if (retired) {
            return;
        }
        if (channel != null && replaced()) {
            release();
        }
        if (channel == null) {
            open();
        }
        try {
            writeAll(line);
        } catch (IOException first) {
            release();
            open();
            writeAll(line);
        }
    }

    /** Closes the file for good: the device was disabled (or the node sealed); later writes are dropped. */
    @Override
    public synchronized void close() {
        retired = true;
        release();
    }

    private void release() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to do: the next write reopens the path
            }
            channel = null;
            fileKey = null;
        }
    }

    private void writeAll(byte[] line) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private void open() throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path parent = path.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            if (posix) {
                Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } else {
                Files.createDirectories(parent);
            }
        }
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                        permissions(mode == 0 ? DEFAULT_CREATE_MODE : mode))}
                : new FileAttribute<?>[0];
        FileChannel opened = FileChannel.open(path, EnumSet.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND), attributes);
        try {
            if (posix && mode != 0 && !Files.getPosixFilePermissions(path).equals(permissions(mode))) {
                Files.setPosixFilePermissions(path, permissions(mode));
            }
            fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            opened.close();
            throw e;
        }
        channel = opened;
    }

    /** Whether the path no longer names the open file (removed, renamed, or replaced). */
    private boolean replaced() {
        try {
            Object current = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            return current != null && !current.equals(fileKey);
        } catch (IOException e) {
            return true;
        }
    }

    static Set<PosixFilePermission> permissions(int bits) {
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((bits & (1 << bit)) != 0) {
                out.add(order[bit]);
            }
        }
        return out;
    }
}
