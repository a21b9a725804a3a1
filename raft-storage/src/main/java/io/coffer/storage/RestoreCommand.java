package io.coffer.storage;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of a snapshot restore replicated through the Raft log, and its binary format. A restore is the
 * sequence BEGIN(id) → CHUNK(id, 0, records) … CHUNK(id, n-1, records) → COMMIT(id, n, total records); ABORT(id)
 * discards what was staged. The first byte tells restore entries from transaction entries ({@link TxnCodec}).
 *
 * <pre>
 * entry  := 2 kind(1 byte) id(long) body
 * BEGIN  := (empty)            ABORT := (empty)
 * CHUNK  := seq(int) count(int) (keyLen(int) key valueLen(int) value){count}
 * COMMIT := chunks(int) records(long)
 * </pre>
 * Keys are non-empty UTF-8; values are the stored (barrier-encrypted) bytes. Decoding rejects anything
 * malformed with {@link IllegalArgumentException}. Pure code.
 *
 * @param kind    the step
 * @param id      the restore this step belongs to (chosen by the node that drives the restore)
 * @param seq     CHUNK: its position, from 0
 * @param keys    CHUNK: the keys, UTF-8
 * @param values  CHUNK: the values, parallel to {@code keys}
 * @param chunks  COMMIT: how many chunks were sent
 * @param records COMMIT: how many records were sent in all
 */
record RestoreCommand(Kind kind, long id, int seq, List<byte[]> keys, List<byte[]> values, int chunks,
                      long records) {

    /** First byte of every restore entry (transaction entries start with {@link TxnCodec#VERSION}). */
    static final byte MARKER = 2;
    /** Largest value a record may carry: the same bound as a transaction, so any stored value fits. */
    static final int MAX_FIELD_BYTES = TxnCodec.MAX_TXN_BYTES;

    enum Kind { BEGIN, CHUNK, COMMIT, ABORT }

    RestoreCommand {
        keys = List.copyOf(keys);
        values = List.copyOf(values);
    }

    static RestoreCommand begin(long id) {
        return new RestoreCommand(Kind.BEGIN, id, 0, List.of(), List.of(), 0, 0);
    }

    static RestoreCommand abort(long id) {
        return new RestoreCommand(Kind.ABORT, id, 0, List.of(), List.of(), 0, 0);
    }

    static RestoreCommand chunk(long id, int seq, List<byte[]> keys, List<byte[]> values) {
        return new RestoreCommand(Kind.CHUNK, id, seq, keys, values, 0, 0);
    }

    static RestoreCommand commit(long id, int chunks, long records) {
        return new RestoreCommand(Kind.COMMIT, id, 0, List.of(), List.of(), chunks, records);
    }

    /** Whether {@code entry} (a log entry's data) is a restore step rather than a transaction batch. */
    static boolean isRestore(ByteBuffer entry) {
        return entry.remaining() > 0 && entry.get(entry.position()) == MARKER;
    }

    /** Bytes a record adds to a CHUNK entry. */
    static int recordBytes(byte[] key, byte[] value) {
        return 8 + key.length + value.length;
    }

    byte[] encode() {
        int size = 10 + switch (kind) {
            case CHUNK -> 8 + keys.stream().mapToInt(k -> k.length + 8).sum()
                    + values.stream().mapToInt(v -> v.length).sum();
            case COMMIT -> 12;
            default -> 0;
        };
        ByteBuffer buf = ByteBuffer.allocate(size).put(MARKER).put((byte) kind.ordinal()).putLong(id);
        if (kind == Kind.CHUNK) {
            buf.putInt(seq).putInt(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                buf.putInt(keys.get(i).length).put(keys.get(i)).putInt(values.get(i).length).put(values.get(i));
            }
        } else if (kind == Kind.COMMIT) {
            buf.putInt(chunks).putLong(records);
        }
        return buf.array();
    }

    static RestoreCommand decode(ByteBuffer buf) {
        try {
            if (buf.get() != MARKER) {
                throw new IllegalArgumentException("not a restore entry");
            }
            int kindByte = buf.get();
            if (kindByte < 0 || kindByte >= Kind.values().length) {
                throw new IllegalArgumentException("unknown restore step " + kindByte);
            }
            Kind kind = Kind.values()[kindByte];
            long id = buf.getLong();
            RestoreCommand command = switch (kind) {
                case BEGIN -> begin(id);
                case ABORT -> abort(id);
                case COMMIT -> commit(id, nonNegative(buf.getInt()), buf.getLong());
                case CHUNK -> decodeChunk(id, buf);
            };
            if (buf.hasRemaining() || command.records < 0) {
                throw new IllegalArgumentException("malformed restore entry");
            }
            return command;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated restore entry", e);
        }
    }

    private static RestoreCommand decodeChunk(long id, ByteBuffer buf) {
        int seq = nonNegative(buf.getInt());
        int count = nonNegative(buf.getInt());
        if (count > buf.remaining() / 9) {
            throw new IllegalArgumentException("bad record count " + count);
        }
        List<byte[]> keys = new ArrayList<>(count);
        List<byte[]> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] key = field(buf);
            if (key.length == 0 || key.length > TxnCodec.MAX_KEY_BYTES) {
                throw new IllegalArgumentException("bad key length");
            }
            checkUtf8(key);
            keys.add(key);
            values.add(field(buf));
        }
        return chunk(id, seq, keys, values);
    }

    private static byte[] field(ByteBuffer buf) {
        int n = buf.getInt();
        if (n < 0 || n > MAX_FIELD_BYTES || n > buf.remaining()) {
            throw new IllegalArgumentException("bad field length " + n);
        }
        byte[] b = new byte[n];
        buf.get(b);
        return b;
    }

    private static int nonNegative(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative count");
        }
        return n;
    }

    static void checkUtf8(byte[] key) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(key));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("key is not UTF-8", e);
        }
    }
}
