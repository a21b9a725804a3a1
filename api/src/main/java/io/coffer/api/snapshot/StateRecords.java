package io.coffer.api.snapshot;

import io.coffer.storage.RecordSource;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The records of {@code state.bin} (vault-api.md §3.6): each is an unsigned varint length followed by a protobuf
 * {@code StorageEntry{1: string key, 2: bytes value}}, encoded by hand. As in proto3, an empty value is left out;
 * the reader accepts the fields in any order and skips unknown ones. Pure code.
 */
final class StateRecords {

    /** Largest record accepted: a 32 KiB key and a 2 MiB value fit with room to spare. */
    static final int MAX_RECORD_BYTES = 3 << 20;

    private StateRecords() {
    }

    /** Bytes {@link #write} produces for this record. */
    static long size(byte[] key, byte[] value) {
        long message = messageSize(key, value);
        return varintSize(message) + message;
    }

    static void write(OutputStream out, byte[] key, byte[] value) throws IOException {
        writeVarint(out, messageSize(key, value));
        out.write(0x0A);
        writeVarint(out, key.length);
        out.write(key);
        if (value.length > 0) {
            out.write(0x12);
            writeVarint(out, value.length);
            out.write(value);
        }
    }

    private static long messageSize(byte[] key, byte[] value) {
        long size = 1 + varintSize(key.length) + key.length;
        if (value.length > 0) {
            size += 1 + varintSize(value.length) + value.length;
        }
        return size;
    }

    static int varintSize(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    private static void writeVarint(OutputStream out, long v) throws IOException {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    /** Reads records one by one; IOException (EOFException when cut short) on anything malformed. */
    static final class Reader {
        private final InputStream in;

        Reader(InputStream in) {
            this.in = in;
        }

        /** The next record, or null at a clean end of the stream. */
        RecordSource.Record next() throws IOException {
            int first = in.read();
            if (first < 0) {
                return null;
            }
            long length = readVarint(in, first);
            if (length < 2 || length > MAX_RECORD_BYTES) {
                throw new IOException("bad record length " + length);
            }
            byte[] message = in.readNBytes((int) length);
            if (message.length != length) {
                throw new EOFException("record cut short");
            }
            return parse(ByteBuffer.wrap(message));
        }

        private static RecordSource.Record parse(ByteBuffer buf) throws IOException {
            byte[] key = null;
            byte[] value = new byte[0];
            while (buf.hasRemaining()) {
                long tag = readVarint(buf);
                int field = (int) (tag >>> 3);
                int wire = (int) (tag & 7);
                if (wire == 2) {
                    byte[] bytes = lengthDelimited(buf);
                    if (field == 1) {
                        key = bytes;
                    } else if (field == 2) {
                        value = bytes;
                    }
                } else {
                    skip(buf, wire);
                }
            }
            if (key == null || key.length == 0) {
                throw new IOException("record without a key");
            }
            return new RecordSource.Record(utf8(key), value);
        }

        private static byte[] lengthDelimited(ByteBuffer buf) throws IOException {
            long n = readVarint(buf);
            if (n < 0 || n > buf.remaining()) {
                throw new IOException("bad field length");
            }
            byte[] bytes = new byte[(int) n];
            buf.get(bytes);
            return bytes;
        }

        private static void skip(ByteBuffer buf, int wire) throws IOException {
            int n = switch (wire) {
                case 0 -> {
                    readVarint(buf);
                    yield 0;
                }
                case 1 -> 8;
                case 5 -> 4;
                default -> throw new IOException("unsupported wire type " + wire);
            };
            if (n > buf.remaining()) {
                throw new IOException("field cut short");
            }
            buf.position(buf.position() + n);
        }

        private static String utf8(byte[] key) throws IOException {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(key)).toString();
            } catch (CharacterCodingException e) {
                throw new IOException("record key is not UTF-8", e);
            }
        }

        private static long readVarint(InputStream in, int first) throws IOException {
            long result = first & 0x7F;
            int b = first;
            for (int shift = 7; (b & 0x80) != 0; shift += 7) {
                b = in.read();
                if (b < 0) {
                    throw new EOFException("varint cut short");
                }
                if (shift > 63) {
                    throw new IOException("varint too long");
                }
                result |= (long) (b & 0x7F) << shift;
            }
            return result;
        }

        private static long readVarint(ByteBuffer buf) throws IOException {
            if (!buf.hasRemaining()) {
                throw new IOException("varint cut short");
            }
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (!buf.hasRemaining()) {
                    throw new IOException("varint cut short");
                }
                byte b = buf.get();
                result |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
            throw new IOException("varint too long");
        }
    }
}
