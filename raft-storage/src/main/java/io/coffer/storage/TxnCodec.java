package io.coffer.storage;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary format of Raft entries and their replies. Big-endian throughout.
 *
 * <pre>
 * entry  := version(1 byte = 1) count(int) txn{count}
 * txn    := nConds(int) (key(str) revision(long)){nConds} nOps(int) op{nOps}
 * op     := 1 key(str) value(bytes) | 2 key(str) | 3 prefix(str)
 * str    := len(int) utf8{len}          bytes := len(int) byte{len}
 * reply  := version(1 byte = 1) logIndex(long) count(int) succeeded(1 byte){count}
 * </pre>
 * Encoding validates shape (see {@link #validate}); decoding rejects anything malformed with
 * {@link IllegalArgumentException}. Pure code, thread-safe.
 */
final class TxnCodec {

    static final byte VERSION = 1;
    /** Largest encoded transaction accepted; keeps an entry well below Ratis' 4 MB appender buffer. */
    static final int MAX_TXN_BYTES = 2 << 20;
    static final int MAX_KEY_BYTES = 32 << 10;

    private static final byte PUT = 1;
    private static final byte DELETE = 2;
    private static final byte DELETE_PREFIX = 3;

    private TxnCodec() {
    }

    /** Encodes one transaction (without the entry header). Throws IllegalArgumentException on a bad shape. */
    static byte[] encodeTxn(Txn txn) {
        validate(txn);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(txn.conditions().size());
            for (Condition c : txn.conditions()) {
                writeString(out, c.key());
                out.writeLong(c.revision());
            }
            out.writeInt(txn.ops().size());
            for (Op op : txn.ops()) {
                writeOp(out, op);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.size() > MAX_TXN_BYTES) {
            throw new IllegalArgumentException("transaction too large: " + bytes.size() + " bytes");
        }
        return bytes.toByteArray();
    }

    /** Concatenates already-encoded transactions into one entry. */
    static byte[] encodeEntry(List<byte[]> encodedTxns) {
        int size = 5;
        for (byte[] t : encodedTxns) {
            size += t.length;
        }
        ByteBuffer buf = ByteBuffer.allocate(size);
        buf.put(VERSION).putInt(encodedTxns.size());
        for (byte[] t : encodedTxns) {
            buf.put(t);
        }
        return buf.array();
    }

    /** Decodes an entry; IllegalArgumentException when it is not a well-formed version-1 entry. */
    static List<Txn> decodeEntry(ByteBuffer buf) {
        try {
            byte version = buf.get();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown entry version " + version);
            }
            int count = readCount(buf);
            if (count < 1 || count > Revision.MAX_TXNS_PER_ENTRY) {
                throw new IllegalArgumentException("bad transaction count " + count);
            }
            List<Txn> txns = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                txns.add(decodeTxn(buf));
            }
            if (buf.hasRemaining()) {
                throw new IllegalArgumentException("trailing bytes after entry");
            }
            return txns;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated entry", e);
        }
    }

    static byte[] encodeReply(long logIndex, boolean[] succeeded) {
        ByteBuffer buf = ByteBuffer.allocate(13 + succeeded.length);
        buf.put(VERSION).putLong(logIndex).putInt(succeeded.length);
        for (boolean ok : succeeded) {
            buf.put(ok ? (byte) 1 : (byte) 0);
        }
        return buf.array();
    }

    /** Decodes a reply into the per-transaction results, revisions derived from the entry's log index. */
    static List<TxnResult> decodeReply(ByteBuffer buf) {
        try {
            if (buf.get() != VERSION) {
                throw new IllegalArgumentException("unknown reply version");
            }
            long logIndex = buf.getLong();
            int count = readCount(buf);
            List<TxnResult> results = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                results.add(new TxnResult(buf.get() == 1, Revision.of(logIndex, i)));
            }
            return results;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated reply", e);
        }
    }

    /** Rejects transactions the state machine must never see: null or empty keys, null values, bad revisions. */
    static void validate(Txn txn) {
        for (Condition c : txn.conditions()) {
            checkKey(c.key(), false);
            if (c.revision() < 0) {
                throw new IllegalArgumentException("condition revision must be >= 0");
            }
        }
        for (Op op : txn.ops()) {
            if (op instanceof Op.Put put) {
                checkKey(put.key(), false);
                if (put.value() == null) {
                    throw new IllegalArgumentException("put value must not be null");
                }
            } else if (op instanceof Op.Delete delete) {
                checkKey(delete.key(), false);
            } else if (op instanceof Op.DeletePrefix prefix) {
                checkKey(prefix.prefix(), true);
            } else {
                throw new IllegalArgumentException("null op");
            }
        }
    }

    private static void checkKey(String key, boolean emptyAllowed) {
        if (key == null || (!emptyAllowed && key.isEmpty())) {
            throw new IllegalArgumentException("key must not be null or empty");
        }
        if (key.length() > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("key too long");
        }
    }

    private static void writeOp(DataOutputStream out, Op op) throws IOException {
        if (op instanceof Op.Put put) {
            out.writeByte(PUT);
            writeString(out, put.key());
            out.writeInt(put.value().length);
            out.write(put.value());
        } else if (op instanceof Op.Delete delete) {
            out.writeByte(DELETE);
            writeString(out, delete.key());
        } else {
            out.writeByte(DELETE_PREFIX);
            writeString(out, ((Op.DeletePrefix) op).prefix());
        }
    }

    private static Txn decodeTxn(ByteBuffer buf) {
        int nConds = readCount(buf);
        List<Condition> conditions = new ArrayList<>(nConds);
        for (int i = 0; i < nConds; i++) {
            conditions.add(new Condition(readString(buf), buf.getLong()));
        }
        int nOps = readCount(buf);
        List<Op> ops = new ArrayList<>(nOps);
        for (int i = 0; i < nOps; i++) {
            byte type = buf.get();
            String key = readString(buf);
            switch (type) {
                case PUT -> ops.add(new Op.Put(key, readBytes(buf)));
                case DELETE -> ops.add(new Op.Delete(key));
                case DELETE_PREFIX -> ops.add(new Op.DeletePrefix(key));
                default -> throw new IllegalArgumentException("unknown op type " + type);
            }
        }
        Txn txn = new Txn(conditions, ops);
        validate(txn);
        return txn;
    }

    private static int readCount(ByteBuffer buf) {
        int n = buf.getInt();
        if (n < 0 || n > buf.remaining()) {
            throw new IllegalArgumentException("bad length " + n);
        }
        return n;
    }

    private static byte[] readBytes(ByteBuffer buf) {
        byte[] b = new byte[readCount(buf)];
        buf.get(b);
        return b;
    }

    private static String readString(ByteBuffer buf) {
        int n = readCount(buf);
        ByteBuffer slice = buf.slice().limit(n);
        buf.position(buf.position() + n);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(slice).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("key is not UTF-8", e);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }
}
