package io.coffer.server.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The Go client's completeness check on a saved snapshot (vault-api.md §3.6): the file must gunzip to a tar stream
 * holding a non-empty {@code SHA256SUMS.sealed}. A minimal tar reader: ustar headers, base-256 sizes, and the GNU
 * ({@code L}) and PAX ({@code x}) long-name records; anything unreadable simply counts as incomplete.
 */
final class SnapshotArchive {

    static final String SEALED_SUMS = "SHA256SUMS.sealed";
    private static final int BLOCK = 512;

    private SnapshotArchive() {
    }

    static boolean hasSealedChecksums(Path file) {
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            return hasSealedChecksums(in);
        } catch (IOException e) {
            return false;
        }
    }

    /** Scans an (uncompressed) tar stream for a non-empty {@value #SEALED_SUMS} member. */
    static boolean hasSealedChecksums(InputStream tar) throws IOException {
        String longName = null;
        byte[] header = new byte[BLOCK];
        while (readBlock(tar, header)) {
            if (isZero(header)) {
                return false;
            }
            long size = size(header);
            char type = (char) header[156];
            if (type == 'L' || type == 'x') {
                String text = new String(readBytes(tar, size), StandardCharsets.UTF_8);
                longName = type == 'L' ? text.replace("\0", "") : paxPath(text);
                skip(tar, padding(size));
                continue;
            }
            String name = longName != null ? longName : name(header);
            longName = null;
            if (name.equals(SEALED_SUMS) && (type == '0' || type == '\0')) {
                return size > 0 && readBytes(tar, size).length > 0;
            }
            skip(tar, size + padding(size));
        }
        return false;
    }

    private static String name(byte[] header) {
        String name = text(header, 0, 100);
        String prefix = "ustar".equals(text(header, 257, 5)) ? text(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String paxPath(String records) {
        for (String record : records.split("\n")) {
            int at = record.indexOf(" path=");
            if (at >= 0) {
                return record.substring(at + " path=".length());
            }
        }
        return null;
    }

    private static long size(byte[] header) throws IOException {
        if ((header[124] & 0x80) != 0) {
            long value = 0;
            for (int i = 125; i < 136; i++) {
                value = (value << 8) | (header[i] & 0xff);
            }
            return value;
        }
        String octal = text(header, 124, 12).trim();
        try {
            return octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
        } catch (NumberFormatException e) {
            throw new IOException("bad tar header size", e);
        }
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int read = in.readNBytes(block, 0, BLOCK);
        return read == BLOCK;
    }

    private static byte[] readBytes(InputStream in, long size) throws IOException {
        if (size > 1 << 20) {
            throw new IOException("tar extended header too large");
        }
        byte[] bytes = in.readNBytes((int) size);
        if (bytes.length != size) {
            throw new IOException("truncated tar stream");
        }
        return bytes;
    }

    private static void skip(InputStream in, long count) throws IOException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("truncated tar stream");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }
}
