package io.coffer.api.snapshot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.Json;
import io.coffer.seal.SealedBlob;
import io.coffer.storage.SnapshotExport;
import io.coffer.storage.StorageStatus;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the snapshot archive of vault-api.md §3.6: a gzip stream of a tar with {@code meta.json},
 * {@code state.bin}, {@code SHA256SUMS} and {@code SHA256SUMS.sealed}, in that order. The tar header of
 * {@code state.bin} needs its size up front, so the export is read twice (the first pass only sums record sizes);
 * memory stays flat whatever the data size. Values stay barrier ciphertext, as stored.
 */
final class SnapshotArchive {

    static final String META = "meta.json";
    static final String STATE = "state.bin";
    static final String SUMS = "SHA256SUMS";
    static final String SEALED_SUMS = "SHA256SUMS.sealed";

    private SnapshotArchive() {
    }

    /** What was written. */
    record Written(long index, long term, long entries, long stateBytes) {
    }

    /**
     * Writes the archive of {@code export} to {@code out} (not closed), sealing the hash list with
     * {@code unsealKey}; {@code what} names the operation in progress logs.
     */
    static Written write(SnapshotExport export, byte[] unsealKey, OutputStream out, long nowMillis, String what)
            throws IOException {
        long size = stateSize(export);
        byte[] meta = meta(export, size, nowMillis);
        GZIPOutputStream gzip = new GZIPOutputStream(out, 64 << 10);
        TarWriter tar = new TarWriter(gzip, nowMillis);
        tar.file(META, meta);
        MessageDigest stateSha = sha256();
        Progress progress = new Progress(what);
        OutputStream entry = tar.begin(STATE, size);
        BufferedOutputStream buffered = new BufferedOutputStream(entry, 64 << 10);
        DigestOutputStream state = new DigestOutputStream(buffered, stateSha);
        export.forEach((key, value) -> {
            byte[] k = key.getBytes(StandardCharsets.UTF_8);
            StateRecords.write(state, k, value);
            progress.add(StateRecords.size(k, value), 1);
        });
        buffered.flush();
        tar.end();
        byte[] sums = sums(sha256().digest(meta), stateSha.digest());
        tar.file(SUMS, sums);
        tar.file(SEALED_SUMS, SealedBlob.seal(unsealKey, sums));
        tar.finish();
        gzip.finish();
        gzip.flush();
        progress.done("written");
        return new Written(export.index(), export.term(), progress.entries(), size);
    }

    /** {@code SHA256SUMS}: {@code <hex>  <name>} lines for meta.json and state.bin. */
    static byte[] sums(byte[] metaSha, byte[] stateSha) {
        HexFormat hex = HexFormat.of();
        return (hex.formatHex(metaSha) + "  " + META + "\n" + hex.formatHex(stateSha) + "  " + STATE + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static long stateSize(SnapshotExport export) throws IOException {
        long[] size = {0};
        export.forEach((key, value) -> size[0] += StateRecords.size(key.getBytes(StandardCharsets.UTF_8), value));
        return size[0];
    }

    /** Raft snapshot metadata with Go's field names. {@code Peers} is base64 of the JSON list of addresses. */
    private static byte[] meta(SnapshotExport export, long size, long nowMillis) {
        ObjectNode meta = Json.object();
        meta.put("Version", 1);
        meta.put("ID", export.term() + "-" + export.index() + "-" + nowMillis);
        meta.put("Index", export.index());
        meta.put("Term", export.term());
        ArrayNode addresses = Json.MAPPER.createArrayNode();
        ObjectNode configuration = meta.putObject("Configuration");
        ArrayNode servers = configuration.putArray("Servers");
        for (StorageStatus.Peer peer : export.peers()) {
            addresses.add(peer.address());
            servers.addObject().put("Suffrage", peer.voter() ? 0 : 1).put("ID", peer.id())
                    .put("Address", peer.address());
        }
        meta.put("Peers", Base64.getEncoder().encodeToString(Json.bytes(addresses)));
        meta.put("ConfigurationIndex", export.configurationIndex());
        meta.put("Size", size);
        ObjectNode ordered = Json.object();
        for (String field : new String[] {"Version", "ID", "Index", "Term", "Peers", "Configuration",
                "ConfigurationIndex", "Size"}) {
            ordered.set(field, meta.get(field));
        }
        return Json.bytes(ordered);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
