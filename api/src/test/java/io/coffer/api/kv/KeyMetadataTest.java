package io.coffer.api.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Version arithmetic, deletion rules and write rules, without storage. */
class KeyMetadataTest {

    private static final Instant T = KvFixture.T0;

    private static KeyMetadata written(int versions, long keyMax, long mountMax) {
        KeyMetadata meta = KeyMetadata.fresh("app").withMaxVersions(keyMax);
        for (int i = 0; i < versions; i++) {
            meta = meta.addVersion(T.plusSeconds(i), null, mountMax).meta();
        }
        return meta;
    }

    @ParameterizedTest(name = "{0} writes, key max {1}, mount max {2} -> oldest {3}, kept {4}..{5}")
    @CsvSource({
        "1,0,0,0,1,1", "9,0,0,0,1,9", "10,0,0,1,1,10", "11,0,0,2,2,11", "25,0,0,16,16,25",
        "5,3,0,3,3,5", "5,0,3,3,3,5", "5,2,3,3,3,5", "5,4,2,2,2,5", "3,1,0,3,3,3"
    })
    void retentionKeepsTheLargerOfKeyAndMountMaxOrTen(int writes, long keyMax, long mountMax, long oldest,
                                                      long first, long last) {
        KeyMetadata meta = written(writes, keyMax, mountMax);
        assertThat(meta.currentVersion()).isEqualTo(writes);
        assertThat(meta.oldestVersion()).isEqualTo(oldest);
        assertThat(meta.versions().firstKey()).isEqualTo(first);
        assertThat(meta.versions().lastKey()).isEqualTo(last);
    }

    @Test
    void addVersionReportsPrunedVersionsOldestFirst() {
        KeyMetadata meta = written(10, 0, 0);
        KeyMetadata.Added added = meta.withMaxVersions(0).addVersion(T.plusSeconds(60), null, 0);
        assertThat(added.pruned()).containsExactly(1L);
        KeyMetadata.Added shrunk = written(6, 0, 0).withMaxVersions(2).addVersion(T, null, 0);
        assertThat(shrunk.pruned()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(shrunk.meta().versions().keySet()).containsExactly(6L, 7L);
    }

    @Test
    void firstVersionSetsCreatedAndUpdatedTimes() {
        KeyMetadata meta = written(1, 0, 0);
        assertThat(meta.createdTime()).isEqualTo(T);
        KeyMetadata second = meta.addVersion(T.plusSeconds(5), null, 0).meta();
        assertThat(second.createdTime()).isEqualTo(T);
        assertThat(second.updatedTime()).isEqualTo(T.plusSeconds(5));
    }

    @Test
    void softDeleteSkipsUnknownDestroyedAndAlreadyDeletedVersions() {
        KeyMetadata meta = written(3, 0, 0).destroy(List.of(2L)).softDelete(List.of(1L), T);
        KeyMetadata later = meta.softDelete(List.of(1L, 2L, 3L, 99L), T.plusSeconds(10));
        assertThat(later.version(1).deletionTime()).isEqualTo(T);
        assertThat(later.version(2).deletionTime()).isNull();
        assertThat(later.version(3).deletionTime()).isEqualTo(T.plusSeconds(10));
        assertThat(later.versions()).hasSize(3);
    }

    @Test
    void softDeleteReplacesAFutureDeletionTime() {
        KeyMetadata meta = KeyMetadata.fresh("k").addVersion(T, T.plusSeconds(3600), 0).meta();
        assertThat(meta.softDelete(List.of(1L), T).version(1).deletionTime()).isEqualTo(T);
    }

    @Test
    void undeleteLeavesDestroyedVersionsAlone() {
        KeyMetadata meta = written(2, 0, 0).softDelete(List.of(1L, 2L), T).destroy(List.of(2L));
        KeyMetadata undeleted = meta.undelete(List.of(1L, 2L), null);
        assertThat(undeleted.version(1).deletionTime()).isNull();
        assertThat(undeleted.version(2).deletionTime()).isEqualTo(T);
        assertThat(undeleted.version(2).destroyed()).isTrue();
    }

    @Test
    void aVersionIsDeletedOnceItsDeletionTimeIsReached() {
        VersionInfo scheduled = new VersionInfo(T, T.plusSeconds(10), false);
        assertThat(scheduled.isDeleted(T.plusSeconds(9))).isFalse();
        assertThat(scheduled.isDeleted(T.plusSeconds(10))).isTrue();
        assertThat(new VersionInfo(T, null, true).isGone(T)).isTrue();
    }

    @ParameterizedTest(name = "mount {0}s, key {1}s -> +{2}s")
    @CsvSource({"0,0,-", "60,0,60", "0,60,60", "30,60,30", "60,30,30", "-1,60,-"})
    void deletionTimeUsesTheSmallerNonZeroSetting(long mount, long key, String expected) {
        KvConfig config = KvConfig.DEFAULT.withDeleteVersionAfterSeconds(mount);
        KeyMetadata meta = KeyMetadata.fresh("k").withDeleteVersionAfter(Duration.ofSeconds(key));
        Instant result = KvRules.deletionTime(T, config, meta);
        if (expected.equals("-")) {
            assertThat(result).isNull();
        } else {
            assertThat(result).isEqualTo(T.plusSeconds(Long.parseLong(expected)));
        }
    }

    @ParameterizedTest(name = "options {0}, mount cas_required {1}, key cas_required {2}, current 2 -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{}|false|false|ok", "{'cas':2}|false|false|ok", "{'cas':'2'}|false|false|ok",
        "{'cas':1}|false|false|" + KvRules.CAS_MISMATCH, "{'cas':0}|false|false|" + KvRules.CAS_MISMATCH,
        "{}|true|false|" + KvRules.CAS_REQUIRED, "{}|false|true|" + KvRules.CAS_REQUIRED,
        "{'cas':2}|true|true|ok", "{'cas':'x'}|false|false|" + KvRules.CAS_UNPARSABLE,
        "{'cas':1.5}|false|false|" + KvRules.CAS_UNPARSABLE
    })
    void checkAndSet(String options, boolean mountRequired, boolean keyRequired, String expected) {
        KeyMetadata meta = written(2, 0, 0).withCasRequired(keyRequired);
        KvConfig config = KvConfig.DEFAULT.withCasRequired(mountRequired);
        ObjectNode opts = (ObjectNode) KvFixture.json(options);
        if (expected.equals("ok")) {
            KvRules.checkCas(opts, config, meta);
        } else {
            assertThatThrownBy(() -> KvRules.checkCas(opts, config, meta)).isInstanceOf(ApiException.class)
                    .hasFieldOrPropertyWithValue("status", 400)
                    .satisfies(e -> assertThat(((ApiException) e).errors()).containsExactly(expected));
        }
    }

    @Test
    void casZeroMeansTheKeyMustNotExistYet() {
        KvRules.checkCas((ObjectNode) KvFixture.json("{'cas':0}"), KvConfig.DEFAULT, KeyMetadata.fresh("k"));
    }

    @Test
    void storedFormRoundTrips() {
        KeyMetadata meta = written(3, 5, 0).softDelete(List.of(1L), T).destroy(List.of(2L))
                .withCasRequired(true).withDeleteVersionAfter(Duration.ofMinutes(90))
                .withCustomMetadata(java.util.Map.of("owner", "ops"));
        assertThat(KvCodec.decodeMetadata(KvCodec.encode(meta))).isEqualTo(meta);
        KvConfig config = new KvConfig(7, true, KvConfig.DISABLED);
        assertThat(KvCodec.decodeConfig(KvCodec.encode(config))).isEqualTo(config);
    }
}
