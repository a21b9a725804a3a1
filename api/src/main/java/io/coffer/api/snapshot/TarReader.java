package io.coffer.api.snapshot;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a tar archive entry by entry (ustar, with GNU base-256 sizes): checks each header's checksum and hands
 * out the entry's content as a bounded stream. Any damage — bad checksum, cut-off content, missing end marker —
 * is an IOException. Not thread-safe.
 */
final class TarReader {

    /** One archive member. {@code type} is the ustar type flag ('0' for a regular file). */
    record Entry(String name, long size, char type) {
    }

    private final InputStream in;
    private long remaining;
    private long padding;

    TarReader(InputStream in) {
        this.in = in;
    }

    /** The next entry (skipping what is left of the current one), or null at the end-of-archive marker. */
    Entry next() throws IOException {
        skipFully(remaining + padding);
        remaining = 0;
        padding = 0;
        byte[] header = readBlock();
        if (isZero(header)) {
            if (!isZero(readBlock())) {
                throw new IOException("damaged end of tar archive");
            }
            return null;
        }
        checkSum(header);
        String name = text(header, 0, 100);
        String prefix = "ustar".equals(text(header, 257, 6)) ? text(header, 345, 155) : "";
        long size = size(header);
        remaining = size;
        padding = (TarWriter.BLOCK - size % TarWriter.BLOCK) % TarWriter.BLOCK;
        char type = (char) (header[156] == 0 ? '0' : header[156]);
        return new Entry(prefix.isEmpty() ? name : prefix + "/" + name, size, type);
    }

    /** The current entry's content; reading past it gives -1, a cut-off archive an EOFException. */
    InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining == 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, remaining));
                if (n < 0) {
                    throw new EOFException("tar entry cut short");
                }
                remaining -= n;
                return n;
            }
        };
    }

    private byte[] readBlock() throws IOException {
        byte[] block = in.readNBytes(TarWriter.BLOCK);
        if (block.length != TarWriter.BLOCK) {
            throw new EOFException("tar archive cut short");
        }
        return block;
    }

    private void skipFully(long n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("tar archive cut short");
                }
                skipped = 1;
            }
            n -= skipped;
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void checkSum(byte[] h) throws IOException {
        long sum = 0;
        for (int i = 0; i < h.length; i++) {
            sum += i >= 148 && i < 156 ? ' ' : h[i] & 0xFF;
        }
        String stored = text(h, 148, 8).trim();
        try {
            if (stored.isEmpty() || Long.parseLong(stored, 8) != sum) {
                throw new IOException("bad tar header checksum");
            }
        } catch (NumberFormatException e) {
            throw new IOException("bad tar header checksum", e);
        }
    }

    private static long size(byte[] h) throws IOException {
        if ((h[124] & 0x80) != 0) {
            long size = 0;
            for (int i = 125; i < 136; i++) {
                size = (size << 8) | (h[i] & 0xFF);
            }
            if (size < 0) {
                throw new IOException("bad tar entry size");
            }
            return size;
        }
        try {
            String digits = text(h, 124, 12).trim();
            return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
        } catch (NumberFormatException e) {
            throw new IOException("bad tar entry size", e);
        }
    }

    private static String text(byte[] h, int offset, int length) {
        int end = offset;
        while (end < offset + length && h[end] != 0) {
            end++;
        }
        return new String(h, offset, end - offset, StandardCharsets.UTF_8);
    }
}
