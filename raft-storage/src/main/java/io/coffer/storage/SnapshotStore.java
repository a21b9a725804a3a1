package io.coffer.storage;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ratis.io.MD5Hash;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.statemachine.SnapshotRetentionPolicy;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.util.MD5FileUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snapshot files of one node, in the Ratis state machine folder ({@code <group>/sm/snapshot.<term>_<index>},
 * each with the {@code .md5} Ratis uses while shipping it). Ratis replaces this whole folder when it installs a
 * snapshot from the leader, which is why RocksDB lives elsewhere and broken snapshots are moved out of it.
 * Called from the Raft apply thread (take, clean up, install) and from Ratis' appender threads (latest).
 */
final class SnapshotStore implements StateMachineStorage {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotStore.class);
    private static final Pattern NAME = Pattern.compile("snapshot\\.(\\d+)_(\\d+)");

    private final Path brokenDir;
    private volatile Path smDir;
    private volatile SingleFileSnapshotInfo latest;

    SnapshotStore(Path brokenDir) {
        this.brokenDir = brokenDir;
    }

    @Override
    public void init(org.apache.ratis.server.storage.RaftStorage raftStorage) throws IOException {
        init(raftStorage.getStorageDir().getStateMachineDir().toPath());
    }

    /** Uses {@code stateMachineDir} for snapshots (Ratis' {@code <group>/sm}). */
    void init(Path stateMachineDir) throws IOException {
        smDir = stateMachineDir;
        Files.createDirectories(smDir);
        rescan();
    }

    @Override
    public SingleFileSnapshotInfo getLatestSnapshot() {
        return latest;
    }

    @Override
    public void format() {
        // Nothing to format: the folder is created on init.
    }

    /** Re-reads the folder (after an install replaced it, or after a broken file was moved out). */
    SingleFileSnapshotInfo rescan() throws IOException {
        List<SingleFileSnapshotInfo> all = list();
        SingleFileSnapshotInfo newest = all.isEmpty() ? null : all.get(0);
        if (newest != null) {
            Path path = newest.getFile().getPath();
            MD5Hash md5 = Files.exists(MD5FileUtil.getDigestFileForFile(path.toFile()).toPath())
                    ? MD5FileUtil.readStoredMd5ForFile(path.toFile()) : null;
            newest = new SingleFileSnapshotInfo(new FileInfo(path, md5), newest.getTerm(), newest.getIndex());
        }
        latest = newest;
        return newest;
    }

    /** Where the snapshot covering {@code term}/{@code index} is written. */
    Path fileFor(long term, long index) {
        return smDir.resolve("snapshot." + term + "_" + index);
    }

    /** Records a freshly written snapshot file: writes its .md5 and makes it the latest. */
    void published(Path file, long term, long index) {
        MD5Hash md5 = MD5FileUtil.computeAndSaveMd5ForFile(file.toFile());
        latest = new SingleFileSnapshotInfo(new FileInfo(file, md5), term, index);
    }

    /** Moves a snapshot that failed verification to the broken folder as {@code <name>.broken}; never deletes it. */
    void quarantine(Path file) throws IOException {
        Files.createDirectories(brokenDir);
        Path target = brokenDir.resolve(file.getFileName() + "." + System.currentTimeMillis() + ".broken");
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(MD5FileUtil.getDigestFileForFile(file.toFile()).toPath());
        LOG.error("snapshot {} failed verification; kept as {}", file.getFileName(), target);
        rescan();
    }

    @Override
    public void cleanupOldSnapshots(SnapshotRetentionPolicy policy) throws IOException {
        int keep = policy == null ? -1 : policy.getNumSnapshotsRetained();
        if (keep <= 0 || smDir == null) {
            return;
        }
        List<SingleFileSnapshotInfo> all = list();
        for (SingleFileSnapshotInfo old : all.subList(Math.min(keep, all.size()), all.size())) {
            Path path = old.getFile().getPath();
            Files.deleteIfExists(path);
            Files.deleteIfExists(MD5FileUtil.getDigestFileForFile(path.toFile()).toPath());
        }
    }

    /** Snapshot files in the folder, newest (highest index) first. */
    private List<SingleFileSnapshotInfo> list() throws IOException {
        List<SingleFileSnapshotInfo> infos = new ArrayList<>();
        if (smDir == null || !Files.isDirectory(smDir)) {
            return infos;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(smDir)) {
            for (Path path : files) {
                Matcher m = NAME.matcher(path.getFileName().toString());
                if (m.matches()) {
                    infos.add(new SingleFileSnapshotInfo(new FileInfo(path, null),
                            Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
                }
            }
        }
        infos.sort(Comparator.comparingLong(SingleFileSnapshotInfo::getIndex).reversed());
        return infos;
    }
}
