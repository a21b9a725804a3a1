package io.coffer.api.snapshot;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a POSIX ustar archive of regular files: a 512-byte header per file (mode 0600), the content padded to
 * 512 bytes, two zero blocks at the end. Sizes beyond ustar's 8 GiB use the GNU base-256 form. Not thread-safe.
 */
final class TarWriter {

    static final int BLOCK = 512;
    private static final long MAX_OCTAL_SIZE = 077777777777L;

    private final OutputStream out;
    private final long mtimeSeconds;
    private long expected = -1;
    private long written;

    TarWriter(OutputStream out, long mtimeMillis) {
        this.out = out;
        this.mtimeSeconds = mtimeMillis / 1000;
    }

    /** One whole file. */
    void file(String name, byte[] content) throws IOException {
        OutputStream body = begin(name, content.length);
        body.write(content);
        end();
    }

    /** Starts a file of exactly {@code size} bytes; write them to the returned stream, then call {@link #end}. */
    OutputStream begin(String name, long size) throws IOException {
        if (expected >= 0) {
            throw new IllegalStateException("previous file not ended");
        }
        out.write(header(name, size));
        expected = size;
        written = 0;
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                count(1);
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                count(len);
                out.write(b, off, len);
            }
        };
    }

    private void count(long n) throws IOException {
        written += n;
        if (written > expected) {
            throw new IOException("tar entry longer than announced");
        }
    }

    /** Ends the current file; IOException when fewer bytes were written than announced. */
    void end() throws IOException {
        if (written != expected) {
            throw new IOException("tar entry has " + written + " bytes, announced " + expected);
        }
        int pad = (int) ((BLOCK - written % BLOCK) % BLOCK);
        out.write(new byte[pad]);
        expected = -1;
    }

    /** Writes the end-of-archive marker. */
    void finish() throws IOException {
        out.write(new byte[2 * BLOCK]);
    }

    private byte[] header(String name, long size) {
        byte[] h = new byte[BLOCK];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        if (n.length > 100) {
            throw new IllegalArgumentException("tar name too long");
        }
        System.arraycopy(n, 0, h, 0, n.length);
        octal(h, 100, 8, 0600);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        if (size <= MAX_OCTAL_SIZE) {
            octal(h, 124, 12, size);
        } else {
            h[124] = (byte) 0x80;
            for (int i = 0; i < 8; i++) {
                h[135 - i] = (byte) (size >>> (8 * i));
            }
        }
        octal(h, 136, 12, mtimeSeconds);
        h[156] = '0';
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 6);
        h[263] = '0';
        h[264] = '0';
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xFF;
        }
        octal(h, 148, 7, sum);
        return h;
    }

    /** {@code width - 1} zero-padded octal digits and a NUL. */
    private static void octal(byte[] h, int offset, int width, long value) {
        String digits = Long.toOctalString(value);
        String padded = "0".repeat(width - 1 - digits.length()) + digits;
        System.arraycopy(padded.getBytes(StandardCharsets.US_ASCII), 0, h, offset, width - 1);
        h[offset + width - 1] = 0;
    }
}
