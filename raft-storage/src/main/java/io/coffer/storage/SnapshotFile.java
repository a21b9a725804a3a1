package io.coffer.storage;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.ratis.server.protocol.TermIndex;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One snapshot = one file: a full dump of the data column family and of the restore staging family (a restore in
 * progress must survive a snapshot install) plus the term/index it covers, sealed with a SHA-256 of everything
 * before it. Version 1 files (data only) are still read.
 *
 * <pre>
 * "COFS" version(1 byte = 2) term(long) index(long)
 * (1 keyLen(int) key valueLen(int) rawValue)*   data records
 * (2 keyLen(int) key valueLen(int) rawValue)*   restore staging records (raw staging keys)
 * 0 count(long)   sha256(32 bytes)
 * </pre>
 */
final class SnapshotFile {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotFile.class);
    private static final int MAGIC = 0x434F4653;
    private static final byte VERSION = 2;
    private static final byte DATA = 1;
    private static final byte STAGED = 2;
    private static final int RESTORE_BATCH = 1000;

    private SnapshotFile() {
    }

    /** Thrown when a snapshot file fails its checksum or is malformed. */
    static final class CorruptSnapshotException extends IOException {
        CorruptSnapshotException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Dumps {@code kv} as of now into {@code target} (written to a temp file, fsync'd, then renamed). */
    static void write(KvStore kv, TermIndex covers, Path target) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        MessageDigest sha = sha256();
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
             DigestOutputStream digest = new DigestOutputStream(file, sha);
             DataOutputStream out = new DataOutputStream(digest)) {
            out.writeInt(MAGIC);
            out.writeByte(VERSION);
            out.writeLong(covers.getTerm());
            out.writeLong(covers.getIndex());
            long[] count = {0};
            try {
                kv.forEachRaw((key, value) -> writeRecord(out, DATA, key, value, count));
                kv.forEachRawStaging((key, value) -> writeRecord(out, STAGED, key, value, count));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            out.writeByte(0);
            out.writeLong(count[0]);
            out.flush();
            digest.on(false);
            out.write(sha.digest());
        }
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Loads {@code snapshot} into the empty database {@code kv}, verifying the checksum as it goes; the applied
     * term/index is written last, so a half-loaded database never claims to be current.
     *
     * @return the term/index the snapshot covers
     */
    static TermIndex restore(Path snapshot, KvStore kv) throws IOException {
        TermIndex covers = scan(snapshot, kv);
        try (WriteBatch batch = new WriteBatch()) {
            kv.putApplied(batch, covers);
            kv.write(batch);
        } catch (RocksDBException e) {
            throw new IOException("restore failed", e);
        }
        kv.flush();
        return covers;
    }

    /** Reads the whole file and checks its checksum; CorruptSnapshotException when it does not hold. */
    static TermIndex verify(Path snapshot) throws IOException {
        return scan(snapshot, null);
    }

    private static TermIndex scan(Path snapshot, KvStore kvOrNull) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream file = Files.newInputStream(snapshot);
             DigestInputStream digest = new DigestInputStream(new BufferedInputStream(file, 1 << 16), sha);
             DataInputStream in = new DataInputStream(digest)) {
            TermIndex covers = readHeader(in);
            long count = loadRecords(in, kvOrNull);
            digest.on(false);
            byte[] expected = in.readNBytes(32);
            if (expected.length != 32 || !MessageDigest.isEqual(expected, sha.digest()) || in.read() != -1) {
                throw new CorruptSnapshotException("checksum mismatch in " + snapshot.getFileName(), null);
            }
            LOG.info("{} {} keys of snapshot {}", kvOrNull == null ? "verified" : "restored", count,
                    snapshot.getFileName());
            return covers;
        } catch (EOFException | IllegalArgumentException e) {
            throw new CorruptSnapshotException("truncated or malformed snapshot " + snapshot.getFileName(), e);
        }
    }

    /** Reads only the header, to learn the term/index a file covers. */
    static TermIndex readHeader(Path snapshot) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(snapshot)))) {
            return readHeader(in);
        } catch (EOFException | IllegalArgumentException e) {
            throw new CorruptSnapshotException("truncated or malformed snapshot " + snapshot.getFileName(), e);
        }
    }

    private static TermIndex readHeader(DataInputStream in) throws IOException {
        int magic = in.readInt();
        byte version = in.readByte();
        if (magic != MAGIC || version < 1 || version > VERSION) {
            throw new IllegalArgumentException("not a Coffer snapshot (magic/version)");
        }
        return TermIndex.valueOf(in.readLong(), in.readLong());
    }

    private static long loadRecords(DataInputStream in, KvStore kv) throws IOException {
        long count = 0;
        WriteBatch batch = new WriteBatch();
        try {
            for (byte marker = in.readByte(); marker != 0; marker = in.readByte()) {
                if (marker != DATA && marker != STAGED) {
                    throw new IllegalArgumentException("bad record marker");
                }
                byte[] key = readBlock(in);
                byte[] value = readBlock(in);
                count++;
                if (kv == null) {
                    continue;
                }
                if (marker == DATA) {
                    kv.putRaw(batch, key, value);
                } else {
                    kv.putRawStaging(batch, key, value);
                }
                if (batch.count() >= RESTORE_BATCH) {
                    kv.write(batch);
                    batch.close();
                    batch = new WriteBatch();
                }
            }
            if (in.readLong() != count) {
                throw new IllegalArgumentException("record count mismatch");
            }
            if (kv != null) {
                kv.write(batch);
            }
            return count;
        } catch (RocksDBException e) {
            throw new IOException("restore failed", e);
        } finally {
            batch.close();
        }
    }

    private static byte[] readBlock(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > TxnCodec.MAX_TXN_BYTES + 16) {
            throw new IllegalArgumentException("bad record length");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    private static void writeRecord(DataOutputStream out, byte marker, byte[] key, byte[] value, long[] count) {
        try {
            out.writeByte(marker);
            out.writeInt(key.length);
            out.write(key);
            out.writeInt(value.length);
            out.write(value);
            count[0]++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
