package io.coffer.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The append-only audit file: mode handling, reopen after rotation, failure when the path is unusable. */
class FileSinkTest {

    @TempDir
    Path dir;

    @Test
    void createsParentsAndTheFileWithMode0600() throws IOException {
        Path file = dir.resolve("logs/audit.log");
        FileSink sink = new FileSink(file, 0600);
        sink.write(line("one"));
        sink.close();
        assertThat(Files.readAllLines(file)).containsExactly("one");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void modeIsAppliedToAnExistingFileUnless0000() throws IOException {
        Path file = Files.createFile(dir.resolve("audit.log"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        FileSink keep = new FileSink(file, 0);
        keep.write(line("a"));
        keep.close();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        FileSink change = new FileSink(file, 0640);
        change.write(line("b"));
        change.close();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        assertThat(Files.readAllLines(file)).containsExactly("a", "b");
    }

    @Test
    void aRotatedFileIsFollowedByANewFileAtThePath() throws IOException {
        Path file = dir.resolve("audit.log");
        FileSink sink = new FileSink(file, 0600);
        sink.write(line("before"));
        Files.move(file, dir.resolve("audit.log.1"));
        sink.write(line("after"));
        sink.close();
        assertThat(Files.readAllLines(dir.resolve("audit.log.1"))).containsExactly("before");
        assertThat(Files.readAllLines(file)).containsExactly("after");
    }

    @Test
    void aPathReplacedByADirectoryFailsUntilItIsAFileAgain() throws IOException {
        Path file = dir.resolve("audit.log");
        FileSink sink = new FileSink(file, 0600);
        sink.write(line("one"));
        Files.delete(file);
        Files.createDirectory(file);
        assertThatThrownBy(() -> sink.write(line("lost"))).isInstanceOf(IOException.class);
        Files.delete(file);
        sink.write(line("two"));
        sink.close();
        assertThat(Files.readAllLines(file)).containsExactly("two");
    }

    @Test
    void aClosedSinkDropsWritesAndDoesNotReopen() throws IOException {
        Path file = dir.resolve("audit.log");
        FileSink sink = new FileSink(file, 0600);
        sink.close();
        sink.write(line("dropped"));
        assertThat(file).doesNotExist();
    }

    @Test
    void permissionBitsMapToPosixPermissions() {
        assertThat(PosixFilePermissions.toString(FileSink.permissions(0754))).isEqualTo("rwxr-xr--");
        assertThat(FileSink.permissions(0)).isEmpty();
    }

    private static byte[] line(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
