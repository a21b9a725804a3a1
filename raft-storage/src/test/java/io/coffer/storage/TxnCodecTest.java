package io.coffer.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TxnCodecTest {

    private static final Txn SAMPLE = Txn.builder()
            .require(Condition.absent("a/b")).require(new Condition("ключ/é", 42))
            .put("a/b", "v".getBytes(StandardCharsets.UTF_8)).delete("x").deletePrefix("p/")
            .build();

    @Test
    void entryRoundTripsEveryConditionAndOp() {
        byte[] entry = TxnCodec.encodeEntry(List.of(TxnCodec.encodeTxn(SAMPLE), TxnCodec.encodeTxn(Txn.builder()
                .build())));

        List<Txn> decoded = TxnCodec.decodeEntry(ByteBuffer.wrap(entry));

        assertThat(decoded).hasSize(2);
        Txn first = decoded.get(0);
        assertThat(first.conditions()).isEqualTo(SAMPLE.conditions());
        assertThat(first.ops()).hasSize(3);
        assertThat(((Op.Put) first.ops().get(0)).value()).isEqualTo("v".getBytes(StandardCharsets.UTF_8));
        assertThat(first.ops().get(1)).isEqualTo(new Op.Delete("x"));
        assertThat(first.ops().get(2)).isEqualTo(new Op.DeletePrefix("p/"));
        assertThat(decoded.get(1).ops()).isEmpty();
    }

    @Test
    void replyCarriesDistinctRevisionsPerSlot() {
        List<TxnResult> results = TxnCodec.decodeReply(ByteBuffer.wrap(
                TxnCodec.encodeReply(7, new boolean[] {true, false, true})));

        assertThat(results).containsExactly(new TxnResult(true, Revision.of(7, 0)),
                new TxnResult(false, Revision.of(7, 1)), new TxnResult(true, Revision.of(7, 2)));
        assertThat(Revision.logIndex(results.get(2).revision())).isEqualTo(7);
    }

    @Test
    void malformedEntriesAreRejected() {
        byte[] good = TxnCodec.encodeEntry(List.of(TxnCodec.encodeTxn(SAMPLE)));
        byte[] badVersion = good.clone();
        badVersion[0] = 9;
        byte[] truncated = Arrays.copyOf(good, good.length - 3);
        byte[] trailing = Arrays.copyOf(good, good.length + 1);

        for (byte[] bad : List.of(badVersion, truncated, trailing, new byte[0])) {
            assertThatThrownBy(() -> TxnCodec.decodeEntry(ByteBuffer.wrap(bad)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void invalidShapesAreRefusedBeforeEncoding() {
        assertThatThrownBy(() -> TxnCodec.encodeTxn(Txn.builder().put("", new byte[0]).build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TxnCodec.encodeTxn(Txn.builder().put("k", null).build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TxnCodec.encodeTxn(Txn.builder().require(new Condition("k", -1)).build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TxnCodec.encodeTxn(Txn.builder()
                .put("k", new byte[TxnCodec.MAX_TXN_BYTES]).build()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
