package io.coffer.api.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.api.Operation;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A request that is refused leaves storage exactly as it was and does not even attempt a transaction. */
class RejectedRequestsTest {

    private final KvFixture kv = KvFixture.v2();

    @BeforeEach
    void someState() {
        kv.write("data/app", "{'data':{'a':1}}");
        kv.write("data/app", "{'data':{'a':2}}");
        kv.write("metadata/app", "{'custom_metadata':{'owner':'ops'}}");
        kv.write("config", "{'max_versions':5}");
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "UPDATE|data/app|{}|400", "UPDATE|data/app|{'data':{'a':3},'options':{'cas':1}}|400",
        "UPDATE|data/app|{'data':{'a':3},'options':'x'}|400", "UPDATE|data/app|{'data':[1]}|400",
        "PATCH|data/app|{'data':{'a':3},'options':{'cas':9}}|400", "PATCH|data/nope|{'data':{'a':3}}|404",
        "PATCH|data/app|{'data':'x'}|400", "UPDATE|metadata/app|{'custom_metadata':{'':'x'}}|400",
        "UPDATE|metadata/app|{'max_versions':'x'}|400", "PATCH|metadata/nope|{'max_versions':1}|404",
        "PATCH|metadata/app|{'custom_metadata':{'k':[1]}}|400", "UPDATE|delete/app|{}|400",
        "UPDATE|undelete/app|{'versions':[]}|400", "UPDATE|destroy/app|{'versions':'a'}|400",
        "UPDATE|config|{'delete_version_after':'soon'}|400", "UPDATE|config|{'cas_required':'perhaps'}|400",
        "UPDATE|app|{'a':'b'}|404", "DELETE|config|{}|405", "UPDATE|data/app|{'data':|400",
        "DELETE|subkeys/app|{}|405", "UPDATE|metadata/|{'max_versions':1}|400"
    })
    void refusedRequestsChangeNothing(Operation operation, String path, String body, int status) {
        Map<String, String> before = kv.storage.dump();
        long txns = kv.storage.txnCount();
        assertThat(kv.call("X", operation, path, body).status()).isEqualTo(status);
        assertThat(kv.storage.dump()).isEqualTo(before);
        assertThat(kv.storage.txnCount()).isEqualTo(txns);
    }
}
