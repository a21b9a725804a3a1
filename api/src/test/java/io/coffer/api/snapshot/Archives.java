package io.coffer.api.snapshot;

import io.coffer.storage.RecordSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Opens and re-packs snapshot archives in tests (the members in order, as bytes). */
final class Archives {

    private Archives() {
    }

    static Map<String, byte[]> members(byte[] archive) {
        Map<String, byte[]> members = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(archive))) {
            TarReader tar = new TarReader(in);
            for (TarReader.Entry e = tar.next(); e != null; e = tar.next()) {
                members.put(e.name(), tar.content().readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return members;
    }

    static byte[] pack(Map<String, byte[]> members) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            TarWriter tar = new TarWriter(gzip, System.currentTimeMillis());
            for (Map.Entry<String, byte[]> m : members.entrySet()) {
                tar.file(m.getKey(), m.getValue());
            }
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** SHA-256 per key of the records in {@code state.bin}. */
    static Map<String, String> state(byte[] archive) {
        Map<String, String> state = new TreeMap<>();
        StateRecords.Reader reader = new StateRecords.Reader(
                new ByteArrayInputStream(members(archive).get(SnapshotArchive.STATE)));
        try {
            for (RecordSource.Record r = reader.next(); r != null; r = reader.next()) {
                state.put(r.key(), SnapshotNode.sha256(r.value()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return state;
    }
}
