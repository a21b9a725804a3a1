package io.coffer.api.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.api.ApiException;
import io.coffer.api.Json;
import io.coffer.seal.SealException;
import io.coffer.seal.SealedBlob;
import io.coffer.storage.RecordSource;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an uploaded snapshot archive before anything is restored (vault-api.md §3.6): a gzip tar with exactly
 * the four expected members, every {@code state.bin} record well formed, both hashes matching {@code SHA256SUMS},
 * and — unless forced — {@code SHA256SUMS.sealed} opening with this cluster's unseal key to the same list. The
 * errors are Vault's: 500 {@code unexpected file "<name>" in snapshot}, 500 {@code failed checking integrity of
 * snapshot} (details only in the log), 400 {@code could not verify hash file, ...}.
 */
final class SnapshotVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotVerifier.class);
    private static final Set<String> MEMBERS = Set.of(SnapshotArchive.META, SnapshotArchive.STATE,
            SnapshotArchive.SUMS, SnapshotArchive.SEALED_SUMS);
    private static final int MAX_SMALL_MEMBER = 1 << 20;
    static final String INTEGRITY = "failed checking integrity of snapshot";
    static final String FOREIGN_KEYS = "could not verify hash file, possibly the snapshot is using a different set "
            + "of unseal keys; use the snapshot-force API to bypass this check";

    private SnapshotVerifier() {
    }

    /** What a verified archive holds; {@code stateSha} is the SHA-256 of its {@code state.bin}. */
    record Verified(JsonNode meta, long entries, long stateBytes, byte[] stateSha) {
    }

    /**
     * Verifies {@code archive}; {@code unsealKey} null skips the sealed-hash check (snapshot-force).
     *
     * @throws ApiException with Vault's status and text when the archive must be refused
     */
    static Verified verify(Path archive, byte[] unsealKey) {
        Map<String, byte[]> small = new HashMap<>();
        long[] state = null;
        byte[] stateSha = null;
        try (InputStream in = open(archive)) {
            TarReader tar = new TarReader(in);
            for (TarReader.Entry e = tar.next(); e != null; e = tar.next()) {
                if (!MEMBERS.contains(e.name()) || e.type() != '0') {
                    throw ApiException.internal("unexpected file \"" + e.name() + "\" in snapshot");
                }
                if (small.containsKey(e.name()) || (e.name().equals(SnapshotArchive.STATE) && state != null)) {
                    throw new IOException("duplicate member " + e.name());
                }
                if (e.name().equals(SnapshotArchive.STATE)) {
                    MessageDigest sha = SnapshotArchive.sha256();
                    state = scanState(new DigestInputStream(tar.content(), sha));
                    stateSha = sha.digest();
                } else {
                    small.put(e.name(), readSmall(tar.content(), e));
                }
            }
            if (in.read() >= 0) {
                throw new IOException("data after the end of the archive");
            }
        } catch (IOException e) {
            throw integrity(archive, e.toString());
        }
        if (state == null || small.size() != 3) {
            throw integrity(archive, "missing members: has " + small.keySet() + (state == null ? "" : " and state"));
        }
        byte[] sums = small.get(SnapshotArchive.SUMS);
        checkSealed(small.get(SnapshotArchive.SEALED_SUMS), sums, unsealKey);
        byte[] metaSha = SnapshotArchive.sha256().digest(small.get(SnapshotArchive.META));
        if (!sumsMatch(sums, metaSha, stateSha)) {
            throw integrity(archive, "hashes do not match SHA256SUMS");
        }
        return new Verified(meta(archive, small.get(SnapshotArchive.META)), state[0], state[1], stateSha);
    }

    /**
     * The records of {@code state.bin} of a verified archive. The hash is checked again while reading: a
     * mismatch at the end (the file changed meanwhile) fails the source, which aborts the restore.
     */
    static StateSource records(Path archive, byte[] expectedStateSha) throws IOException {
        return new StateSource(archive, expectedStateSha);
    }

    /** Reads {@code state.bin} out of an archive; close it when done. */
    static final class StateSource implements RecordSource, Closeable {
        private final InputStream in;
        private final MessageDigest sha = SnapshotArchive.sha256();
        private final StateRecords.Reader reader;
        private final byte[] expected;

        private StateSource(Path archive, byte[] expected) throws IOException {
            this.in = open(archive);
            this.expected = expected;
            TarReader tar = new TarReader(in);
            for (TarReader.Entry e = tar.next(); e != null; e = tar.next()) {
                if (e.name().equals(SnapshotArchive.STATE)) {
                    reader = new StateRecords.Reader(new DigestInputStream(tar.content(), sha));
                    return;
                }
            }
            in.close();
            throw new IOException("state.bin not found");
        }

        @Override
        public Record next() throws IOException {
            Record r = reader.next();
            if (r == null && expected != null && !MessageDigest.isEqual(expected, sha.digest())) {
                throw new IOException("state.bin changed since it was verified");
            }
            return r;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static InputStream open(Path archive) throws IOException {
        return new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive), 64 << 10), 64 << 10);
    }

    private static long[] scanState(InputStream content) throws IOException {
        StateRecords.Reader reader = new StateRecords.Reader(content);
        long entries = 0;
        long bytes = 0;
        for (RecordSource.Record r = reader.next(); r != null; r = reader.next()) {
            entries++;
            bytes += StateRecords.size(r.key().getBytes(StandardCharsets.UTF_8), r.value());
        }
        return new long[] {entries, bytes};
    }

    private static byte[] readSmall(InputStream content, TarReader.Entry e) throws IOException {
        if (e.size() > MAX_SMALL_MEMBER) {
            throw new IOException(e.name() + " is too large");
        }
        byte[] bytes = content.readAllBytes();
        if (bytes.length != e.size()) {
            throw new IOException(e.name() + " cut short");
        }
        return bytes;
    }

    private static void checkSealed(byte[] sealed, byte[] sums, byte[] unsealKey) {
        if (unsealKey == null) {
            return;
        }
        try {
            if (MessageDigest.isEqual(SealedBlob.open(unsealKey, sealed), sums)) {
                return;
            }
        } catch (SealException e) {
            LOG.warn("snapshot restore refused: SHA256SUMS.sealed does not open with this cluster's unseal key");
        }
        throw ApiException.badRequest(FOREIGN_KEYS);
    }

    private static boolean sumsMatch(byte[] sums, byte[] metaSha, byte[] stateSha) {
        Map<String, String> listed = parseSums(sums);
        HexFormat hex = HexFormat.of();
        return listed.size() == 2 && hex.formatHex(metaSha).equalsIgnoreCase(listed.get(SnapshotArchive.META))
                && hex.formatHex(stateSha).equalsIgnoreCase(listed.get(SnapshotArchive.STATE));
    }

    /** {@code <hex>  <name>} lines; a malformed line maps nothing, so the comparison fails. */
    private static Map<String, String> parseSums(byte[] sums) {
        Map<String, String> listed = new HashMap<>();
        for (String line : new String(sums, StandardCharsets.UTF_8).split("\n")) {
            int gap = line.indexOf("  ");
            if (gap == 64) {
                listed.put(line.substring(gap + 2).trim(), line.substring(0, gap));
            }
        }
        return listed;
    }

    private static JsonNode meta(Path archive, byte[] meta) {
        try {
            JsonNode node = Json.parse(meta);
            if (node == null || !node.isObject()) {
                throw integrity(archive, "meta.json is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw integrity(archive, "meta.json: " + e.getMessage());
        }
    }

    private static ApiException integrity(Path archive, String detail) {
        LOG.warn("snapshot restore refused, {} is not intact: {}", archive.getFileName(), detail);
        return ApiException.internal(INTEGRITY);
    }
}
