package io.coffer.api.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.api.ApiRequest;
import io.coffer.api.Operation;
import io.coffer.storage.RecordSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pieces of the archive format, without a node: state.bin records and tar framing. */
class FormatTest {

    private static byte[] record(String key, byte[] value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StateRecords.write(out, key.getBytes(StandardCharsets.UTF_8), value);
        return out.toByteArray();
    }

    @Test
    void stateRecordsAreVarintPrefixedStorageEntries() throws IOException {
        byte[] one = record("core/keyring", new byte[] {1, 2, 3});
        assertThat(one).startsWith(19, 0x0A, 12).endsWith(0x12, 3, 1, 2, 3);
        assertThat(StateRecords.size("core/keyring".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3}))
                .isEqualTo(one.length);
        byte[] big = new byte[300];
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(one);
        all.write(record("k/empty", new byte[0]));
        all.write(record("k/big", big));
        StateRecords.Reader reader = new StateRecords.Reader(new ByteArrayInputStream(all.toByteArray()));

        RecordSource.Record first = reader.next();
        assertThat(first.key()).isEqualTo("core/keyring");
        assertThat(reader.next().value()).isEmpty();
        assertThat(reader.next().value()).isEqualTo(big);
        assertThat(reader.next()).isNull();
    }

    @Test
    void malformedRecordsAreErrors() throws IOException {
        byte[] good = record("key", new byte[] {9});
        assertThatThrownBy(() -> new StateRecords.Reader(new ByteArrayInputStream(
                Arrays.copyOf(good, good.length - 1))).next()).isInstanceOf(EOFException.class);
        byte[] noKey = {2, 0x12, 0};
        assertThatThrownBy(() -> new StateRecords.Reader(new ByteArrayInputStream(noKey)).next())
                .isInstanceOf(IOException.class);
        byte[] notUtf8 = {4, 0x0A, 2, (byte) 0xC3, 0x28};
        assertThatThrownBy(() -> new StateRecords.Reader(new ByteArrayInputStream(notUtf8)).next())
                .hasMessageContaining("UTF-8");
    }

    @Test
    void tarRoundTripsAndDetectsDamage() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TarWriter tar = new TarWriter(bytes, 1_700_000_000_000L);
        tar.file("meta.json", "{}".getBytes(StandardCharsets.UTF_8));
        tar.file("state.bin", new byte[1000]);
        tar.finish();
        byte[] archive = bytes.toByteArray();
        assertThat(archive.length % 512).isZero();

        TarReader reader = new TarReader(new ByteArrayInputStream(archive));
        TarReader.Entry meta = reader.next();
        assertThat(meta).isEqualTo(new TarReader.Entry("meta.json", 2, '0'));
        TarReader.Entry state = reader.next();
        assertThat(state.size()).isEqualTo(1000);
        assertThat(reader.content().readAllBytes()).hasSize(1000);
        assertThat(reader.next()).isNull();

        byte[] damaged = archive.clone();
        damaged[10] ^= 1;
        assertThatThrownBy(() -> new TarReader(new ByteArrayInputStream(damaged)).next())
                .hasMessageContaining("checksum");
        TarReader cut = new TarReader(new ByteArrayInputStream(Arrays.copyOf(archive, 1536 + 100)));
        cut.next();
        cut.next();
        assertThatThrownBy(() -> cut.content().readAllBytes()).isInstanceOf(EOFException.class);
    }

    @Test
    void redirectTargetsTheActiveNodeWithPathAndQuery() {
        ApiRequest request = new ApiRequest("GET", Operation.READ, "sys/storage/raft/snapshot",
                new LinkedHashMap<>(Map.of("a", "b c")), Map.of(), new byte[0], null, "127.0.0.1", "id");
        assertThat(SnapshotEndpoints.location("https://vault-1:8200", request))
                .isEqualTo("https://vault-1:8200/v1/sys/storage/raft/snapshot?a=b+c");
        assertThat(SnapshotEndpoints.location("vault-1:8200/ignored", request))
                .startsWith("https://vault-1:8200/v1/sys/storage/raft/snapshot");
    }
}
