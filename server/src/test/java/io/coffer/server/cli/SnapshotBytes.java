package io.coffer.server.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Builds gzip'd ustar archives shaped like Vault snapshots, for the snapshot save tests. */
final class SnapshotBytes {

    private SnapshotBytes() {
    }

    /** A snapshot with the four members; {@code sealed} is the content of SHA256SUMS.sealed, null to omit it. */
    static byte[] snapshot(String sealed) {
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("meta.json", "{\"Version\":1}".getBytes(StandardCharsets.UTF_8));
        members.put("state.bin", new byte[700]);
        members.put("SHA256SUMS", "abc  meta.json\n".getBytes(StandardCharsets.UTF_8));
        if (sealed != null) {
            members.put("SHA256SUMS.sealed", sealed.getBytes(StandardCharsets.UTF_8));
        }
        return gzip(tar(members));
    }

    static byte[] tar(Map<String, byte[]> members) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        members.forEach((name, content) -> {
            out.writeBytes(header(name, content.length));
            out.writeBytes(content);
            out.writeBytes(new byte[(512 - content.length % 512) % 512]);
        });
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] header(String name, int size) {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000600");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", size));
        put(header, 136, String.format("%011o", 0));
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        return header;
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
