package io.coffer.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.ratis.server.protocol.TermIndex;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The RocksDB database of one node. Column family "default" holds data: key = UTF-8 path, value = 8-byte revision
 * followed by the stored bytes. Column family "meta" holds the last applied term/index, always written in the same
 * batch as the data it covers, and the marker of a restore commit in progress ({@link RestoreApplier}). Column
 * family "restore" stages a snapshot restore replicated through the log: its state under key {@code 0x00} and the
 * staged records under {@code 0x01 ‖ key}. Thread-safe for reads; writes come from one thread (the Raft apply
 * thread).
 */
final class KvStore implements AutoCloseable {

    private static final byte[] APPLIED_KEY = "applied".getBytes(StandardCharsets.UTF_8);
    private static final byte[] COMMIT_KEY = "restore-commit".getBytes(StandardCharsets.UTF_8);
    /** Sorts after every key of every column family: UTF-8 never contains 0xFF, staging keys start 0x00/0x01. */
    private static final byte[] END_OF_KEYS = {(byte) 0xFF};

    static {
        RocksDB.loadLibrary();
    }

    private final DBOptions dbOptions;
    private final ColumnFamilyOptions cfOptions;
    private final WriteOptions syncWrite;
    private final WriteOptions bulkWrite;
    private final RocksDB db;
    private final ColumnFamilyHandle data;
    private final ColumnFamilyHandle meta;
    private final ColumnFamilyHandle staging;

    private KvStore(DBOptions dbOptions, ColumnFamilyOptions cfOptions, RocksDB db, List<ColumnFamilyHandle> handles) {
        this.dbOptions = dbOptions;
        this.cfOptions = cfOptions;
        this.db = db;
        this.data = handles.get(0);
        this.meta = handles.get(1);
        this.staging = handles.get(2);
        this.syncWrite = new WriteOptions().setSync(true);
        this.bulkWrite = new WriteOptions().setSync(false);
    }

    /** Opens (creating if missing) the database in {@code dir}. */
    static KvStore open(Path dir) throws IOException {
        Files.createDirectories(dir);
        return open(dir, false);
    }

    /** Opens an existing database (a checkpoint) read-only. */
    static KvStore openReadOnly(Path dir) throws IOException {
        return open(dir, true);
    }

    private static KvStore open(Path dir, boolean readOnly) throws IOException {
        DBOptions dbOptions = new DBOptions().setCreateIfMissing(!readOnly).setCreateMissingColumnFamilies(!readOnly)
                .setMaxBackgroundJobs(2).setInfoLogLevel(InfoLogLevel.WARN_LEVEL).setKeepLogFileNum(2);
        ColumnFamilyOptions cfOptions = new ColumnFamilyOptions();
        List<ColumnFamilyDescriptor> descriptors = List.of(
                new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions),
                new ColumnFamilyDescriptor("meta".getBytes(StandardCharsets.UTF_8), cfOptions),
                new ColumnFamilyDescriptor("restore".getBytes(StandardCharsets.UTF_8), cfOptions));
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try {
            RocksDB db = readOnly ? RocksDB.openReadOnly(dbOptions, dir.toString(), descriptors, handles)
                    : RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
            return new KvStore(dbOptions, cfOptions, db, handles);
        } catch (RocksDBException e) {
            cfOptions.close();
            dbOptions.close();
            throw new IOException("cannot open RocksDB in " + dir, e);
        }
    }

    /** The stored entry at {@code key}, or empty. */
    Optional<Entry> get(String key) {
        byte[] raw = getRaw(key);
        if (raw == null) {
            return Optional.empty();
        }
        return Optional.of(new Entry(key, Arrays.copyOfRange(raw, 8, raw.length), revisionOf(raw)));
    }

    /** The revision stored at {@code key}, 0 when absent. */
    long revision(String key) {
        byte[] raw = getRaw(key);
        return raw == null ? 0 : revisionOf(raw);
    }

    /** Immediate children of {@code prefix}; sub-folders end with '/'. Skips over whole sub-trees with seek. */
    List<String> list(String prefix) {
        byte[] p = utf8(prefix);
        List<String> children = new ArrayList<>();
        try (RocksIterator it = db.newIterator(data)) {
            it.seek(p);
            while (it.isValid() && startsWith(it.key(), p)) {
                String rest = new String(it.key(), p.length, it.key().length - p.length, StandardCharsets.UTF_8);
                int slash = rest.indexOf('/');
                if (slash < 0) {
                    children.add(rest);
                    it.next();
                } else {
                    children.add(rest.substring(0, slash + 1));
                    // '0' is the byte after '/', so this lands on the first key past the sub-folder.
                    it.seek(utf8(prefix + rest.substring(0, slash) + '0'));
                }
            }
        }
        return children;
    }

    /** Every key starting with {@code prefix}, in byte order. */
    List<String> keys(String prefix) {
        byte[] p = utf8(prefix);
        List<String> keys = new ArrayList<>();
        try (RocksIterator it = db.newIterator(data)) {
            for (it.seek(p); it.isValid() && startsWith(it.key(), p); it.next()) {
                keys.add(new String(it.key(), StandardCharsets.UTF_8));
            }
        }
        return keys;
    }

    /** The term/index of the last entry written with {@link #putApplied}, or null for a fresh database. */
    TermIndex applied() throws IOException {
        try {
            byte[] raw = db.get(meta, APPLIED_KEY);
            if (raw == null) {
                return null;
            }
            ByteBuffer buf = ByteBuffer.wrap(raw);
            return TermIndex.valueOf(buf.getLong(), buf.getLong());
        } catch (RocksDBException e) {
            throw new IOException("cannot read applied index", e);
        }
    }

    void put(WriteBatch batch, String key, byte[] rawValue) throws RocksDBException {
        batch.put(data, utf8(key), rawValue);
    }

    void delete(WriteBatch batch, String key) throws RocksDBException {
        batch.delete(data, utf8(key));
    }

    void putRaw(WriteBatch batch, byte[] key, byte[] rawValue) throws RocksDBException {
        batch.put(data, key, rawValue);
    }

    void putApplied(WriteBatch batch, TermIndex applied) throws RocksDBException {
        batch.put(meta, APPLIED_KEY,
                ByteBuffer.allocate(16).putLong(applied.getTerm()).putLong(applied.getIndex()).array());
    }

    /** Writes {@code batch} atomically and durably (WAL fsync). */
    void write(WriteBatch batch) throws IOException {
        try {
            db.write(syncWrite, batch);
        } catch (RocksDBException e) {
            throw new IOException("RocksDB write failed", e);
        }
    }

    /** Flushes memtables to SST files (used after a bulk restore written without sync). */
    void flush() throws IOException {
        try (FlushOptions options = new FlushOptions().setWaitForFlush(true)) {
            db.flush(options, List.of(data, meta));
        } catch (RocksDBException e) {
            throw new IOException("RocksDB flush failed", e);
        }
    }

    /** Visits every raw key/value of a consistent point-in-time view, in key order. */
    void forEachRaw(BiConsumer<byte[], byte[]> visitor) {
        forEachRawIn(data, visitor);
    }

    /** Like {@link #forEachRaw} over the restore staging family (raw keys, prefixes included). */
    void forEachRawStaging(BiConsumer<byte[], byte[]> visitor) {
        forEachRawIn(staging, visitor);
    }

    private void forEachRawIn(ColumnFamilyHandle family, BiConsumer<byte[], byte[]> visitor) {
        Snapshot snapshot = db.getSnapshot();
        try (ReadOptions options = new ReadOptions().setSnapshot(snapshot);
             RocksIterator it = db.newIterator(family, options)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                visitor.accept(it.key(), it.value());
            }
        } finally {
            db.releaseSnapshot(snapshot);
        }
    }

    /** Writes {@code batch} atomically without waiting for fsync; a later synced write makes it durable. */
    void writeBulk(WriteBatch batch) throws IOException {
        try {
            db.write(bulkWrite, batch);
        } catch (RocksDBException e) {
            throw new IOException("RocksDB write failed", e);
        }
    }

    /** Removes every data entry. */
    void clearData(WriteBatch batch) throws RocksDBException {
        batch.deleteRange(data, new byte[0], END_OF_KEYS);
    }

    /** The raw restore staging state, or null when no restore is staged. */
    byte[] stagingState() throws IOException {
        try {
            return db.get(staging, new byte[] {0});
        } catch (RocksDBException e) {
            throw new IOException("cannot read restore state", e);
        }
    }

    void putStagingState(WriteBatch batch, byte[] state) throws RocksDBException {
        batch.put(staging, new byte[] {0}, state);
    }

    /** Stages one record of a restore: {@code 0x01 ‖ key} → stored value (no revision yet). */
    void putStaged(WriteBatch batch, byte[] key, byte[] value) throws RocksDBException {
        byte[] staged = new byte[key.length + 1];
        staged[0] = 1;
        System.arraycopy(key, 0, staged, 1, key.length);
        batch.put(staging, staged, value);
    }

    /** Puts a raw staging-family entry (snapshot load). */
    void putRawStaging(WriteBatch batch, byte[] key, byte[] value) throws RocksDBException {
        batch.put(staging, key, value);
    }

    /** Removes the staging state and every staged record. */
    void clearStaging(WriteBatch batch) throws RocksDBException {
        batch.deleteRange(staging, new byte[0], END_OF_KEYS);
    }

    /** Visits the staged records in key order: key without its prefix, stored value. */
    void forEachStaged(BiConsumer<byte[], byte[]> visitor) {
        forEachRawStaging((key, value) -> {
            if (key.length > 1 && key[0] == 1) {
                visitor.accept(Arrays.copyOfRange(key, 1, key.length), value);
            }
        });
    }

    /** The term/index of a restore commit that was started but not finished, or null. */
    TermIndex pendingCommit() throws IOException {
        try {
            byte[] raw = db.get(meta, COMMIT_KEY);
            if (raw == null) {
                return null;
            }
            ByteBuffer buf = ByteBuffer.wrap(raw);
            return TermIndex.valueOf(buf.getLong(), buf.getLong());
        } catch (RocksDBException e) {
            throw new IOException("cannot read restore commit marker", e);
        }
    }

    void putPendingCommit(WriteBatch batch, TermIndex at) throws RocksDBException {
        batch.put(meta, COMMIT_KEY, ByteBuffer.allocate(16).putLong(at.getTerm()).putLong(at.getIndex()).array());
    }

    void deletePendingCommit(WriteBatch batch) throws RocksDBException {
        batch.delete(meta, COMMIT_KEY);
    }

    /** Writes a RocksDB checkpoint (hard-linked files, consistent point in time) into {@code target}. */
    void checkpoint(Path target) throws IOException {
        try (Checkpoint checkpoint = Checkpoint.create(db)) {
            checkpoint.createCheckpoint(target.toString());
        } catch (RocksDBException e) {
            throw new IOException("cannot create a checkpoint in " + target, e);
        }
    }

    static byte[] encodeValue(long revision, byte[] value) {
        return ByteBuffer.allocate(8 + value.length).putLong(revision).put(value).array();
    }

    static long revisionOf(byte[] raw) {
        return ByteBuffer.wrap(raw, 0, 8).getLong();
    }

    private byte[] getRaw(String key) {
        try {
            return db.get(data, utf8(key));
        } catch (RocksDBException e) {
            throw new StorageException("RocksDB read failed", e);
        }
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        data.close();
        meta.close();
        staging.close();
        db.close();
        syncWrite.close();
        bulkWrite.close();
        cfOptions.close();
        dbOptions.close();
    }
}
