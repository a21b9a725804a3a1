package io.coffer.storage;

import static io.coffer.storage.TestNodes.bytes;
import static io.coffer.storage.TestNodes.put;
import static io.coffer.storage.TestNodes.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One-voter groups: the Storage contract end to end through Ratis and RocksDB. */
class SingleNodeTest {

    private static final Logger LOG = LoggerFactory.getLogger(SingleNodeTest.class);

    @TempDir
    Path dir;

    private final List<RaftStorage> opened = new ArrayList<>();

    @AfterEach
    void closeNodes() {
        TestNodes.closeAll(opened);
    }

    private RaftStorage track(RaftStorage storage) {
        opened.add(storage);
        return storage;
    }

    @Test
    void bootstrappedNodeLeadsAndAppliesConditionalTransactions() {
        RaftStorage node = track(RaftStorage.bootstrap(TestNodes.config(dir, "n1", "127.0.0.11").build()));
        assertThat(node.status().leader()).isTrue();
        assertThat(node.status().peers()).extracting(StorageStatus.Peer::id).containsExactly("n1");

        TxnResult created = node.txn(Txn.builder().require(Condition.absent("kv/a")).put("kv/a", bytes("1"))
                .build()).join();
        TxnResult again = node.txn(Txn.builder().require(Condition.absent("kv/a")).put("kv/a", bytes("x"))
                .build()).join();
        Entry a = node.get("kv/a").orElseThrow();
        TxnResult updated = node.txn(Txn.builder().require(Condition.at(a)).put("kv/a", bytes("2")).build()).join();
        TxnResult stale = node.txn(Txn.builder().require(Condition.at(a)).put("kv/a", bytes("y")).build()).join();

        assertThat(created.succeeded()).isTrue();
        assertThat(a.revision()).isEqualTo(created.revision());
        assertThat(again.succeeded()).isFalse();
        assertThat(updated.succeeded()).isTrue();
        assertThat(stale.succeeded()).isFalse();
        assertThat(text(node.get("kv/a"))).isEqualTo("2");
        assertThat(node.get("kv/a").orElseThrow().revision()).isEqualTo(updated.revision());
    }

    @Test
    void deletePrefixAndListChildren() {
        RaftStorage node = track(RaftStorage.bootstrap(TestNodes.config(dir, "n1", "127.0.0.11").build()));
        put(node, "sys/policy/a", "1");
        put(node, "sys/policy/b", "1");
        put(node, "sys/token/t1", "1");
        put(node, "sys/mounts", "1");

        assertThat(node.list("sys/")).containsExactly("mounts", "policy/", "token/");
        assertThat(node.keys("sys/policy/")).containsExactly("sys/policy/a", "sys/policy/b");

        node.txn(Txn.builder().deletePrefix("sys/policy/").build()).join();

        assertThat(node.list("sys/")).containsExactly("mounts", "token/");
        assertThat(node.readBarrier()).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void restartRecoversStateWithoutApplyingTwice() {
        RaftNodeConfig cfg = TestNodes.config(dir, "n1", "127.0.0.11").build();
        RaftStorage first = RaftStorage.bootstrap(cfg);
        TxnResult a = put(first, "a", "1");
        put(first, "b", "2");
        TxnResult b2 = put(first, "b", "3");
        first.close();
        first.close();
        assertThat(RaftStorage.hasState(cfg.dataDir())).isTrue();
        assertThatThrownBy(() -> RaftStorage.bootstrap(cfg)).isInstanceOf(StorageException.class);

        RaftStorage node = track(RaftStorage.recover(cfg));
        await().atMost(Duration.ofSeconds(10)).until(() -> node.status().leader());

        assertThat(node.groupId()).isEqualTo(first.groupId());
        assertThat(node.get("a").orElseThrow().revision()).isEqualTo(a.revision());
        assertThat(text(node.get("b"))).isEqualTo("3");
        assertThat(node.get("b").orElseThrow().revision()).isEqualTo(b2.revision());
        assertThat(node.stateMachine().entriesApplied()).as("replayed entries are skipped").isZero();
        assertThat(put(node, "c", "4").revision()).isGreaterThan(b2.revision());
    }

    @Test
    void concurrentTransactionsShareRaftEntries() throws Exception {
        RaftStorage node = track(RaftStorage.bootstrap(TestNodes.config(dir, "n1", "127.0.0.11").build()));
        long entriesBefore = node.entriesSent();
        List<CompletableFuture<TxnResult>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            futures.add(node.txn(Txn.builder().require(Condition.absent("gc/" + i)).put("gc/" + i, bytes("v"))
                    .build()));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

        List<TxnResult> results = futures.stream().map(CompletableFuture::join).toList();
        assertThat(results).allMatch(TxnResult::succeeded);
        assertThat(results.stream().map(TxnResult::revision).distinct()).hasSize(200);
        assertThat(node.entriesSent() - entriesBefore).isLessThan(200);
        assertThat(node.keys("gc/")).hasSize(200);
        LOG.info("200 concurrent txns in {} raft entries", node.entriesSent() - entriesBefore);
        LOG.info("single node, 64 writers: {} txn/s", throughput(node, 64, Duration.ofSeconds(2)));
    }

    @Test
    void invalidTransactionsAndClosedStorageFailWithStorageException() {
        RaftStorage node = track(RaftStorage.bootstrap(TestNodes.config(dir, "n1", "127.0.0.11").build()));
        LinkedBlockingQueue<Boolean> leadership = new LinkedBlockingQueue<>();
        node.addLeaderListener(leadership::add);
        await().atMost(Duration.ofSeconds(5)).until(() -> Boolean.TRUE.equals(leadership.peek()));

        assertThat(node.txn(Txn.builder().put("", bytes("x")).build())).failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(ExecutionException.class).withCauseInstanceOf(StorageException.class);
        node.close();
        assertThat(node.txn(Txn.builder().put("k", bytes("x")).build())).failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(ExecutionException.class).withCauseInstanceOf(StorageException.class);
    }

    /** Closed-loop writers, each with its own key, for {@code duration}; returns committed txn/s. */
    static long throughput(Storage node, int writers, Duration duration) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String key = "bench/" + w;
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    node.txn(Txn.builder().put(key, new byte[100]).build()).join();
                    done.incrementAndGet();
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join(duration.toMillis() + 10_000);
        }
        return done.get() * 1000 / duration.toMillis();
    }
}
