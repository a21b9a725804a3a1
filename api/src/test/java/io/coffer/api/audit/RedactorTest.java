package io.coffer.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which fields a device hashes (vault-api.md §8.3 HMAC rules). */
class RedactorTest {

    private static final String SALT = "5d4b7b9e-1111-4222-8333-444455556666";
    private final Hasher hasher = new Hasher(SALT);
    private final RecordBuilder builder = Records.builder();

    @Test
    void tokensAccessorsAndDataAreHashedEverythingElseIsClear() {
        ObjectNode data = Json.object().put("created_time", "2024-05-01T12:00:00Z").put("version", 1);
        ObjectNode record = builder.response(Records.write("secret/data/app",
                        "{\"data\":{\"password\":\"s3cr3t\",\"n\":[\"x\"]}}", Records.ROOT_TOKEN),
                Records.rootToken(), ApiResponse.envelope(data).mountType("kv").build());

        ObjectNode out = Redactor.apply(record, options(Map.of()), hasher);

        assertThat(out.at("/auth/client_token").asText()).isEqualTo(hasher.hash(Records.ROOT_TOKEN));
        assertThat(out.at("/auth/accessor").asText()).isEqualTo(hasher.hash(Records.ACCESSOR));
        assertThat(out.at("/request/client_token").asText()).isEqualTo(hasher.hash(Records.ROOT_TOKEN));
        assertThat(out.at("/request/client_token_accessor").asText()).isEqualTo(hasher.hash(Records.ACCESSOR));
        assertThat(out.at("/request/data/data/password").asText()).isEqualTo(hasher.hash("s3cr3t"));
        assertThat(out.at("/request/data/data/n/0").asText()).isEqualTo(hasher.hash("x"));
        assertThat(out.at("/response/data/created_time").asText()).isEqualTo(hasher.hash("2024-05-01T12:00:00Z"));
        assertThat(out.at("/response/data/version").asInt()).isEqualTo(1);
        assertThat(out.at("/request/path").asText()).isEqualTo("secret/data/app");
        assertThat(out.at("/auth/display_name").asText()).isEqualTo("root");
        assertThat(out.at("/auth/policies/0").asText()).isEqualTo("root");
        assertThat(out.at("/request/remote_address").asText()).isEqualTo("10.0.0.5");
        assertThat(out.toString()).doesNotContain(Records.ROOT_TOKEN, Records.ACCESSOR, "s3cr3t");
        assertThat(record.at("/request/data/data/password").asText()).as("input unchanged").isEqualTo("s3cr3t");
    }

    @Test
    void accessorsStayClearWhenHmacAccessorIsFalse() {
        ObjectNode record = builder.request(Records.read("secret/data/app", Map.of(), Records.ROOT_TOKEN),
                Records.rootToken());
        ObjectNode out = Redactor.apply(record, options(Map.of("hmac_accessor", "false")), hasher);
        assertThat(out.at("/auth/accessor").asText()).isEqualTo(Records.ACCESSOR);
        assertThat(out.at("/request/client_token_accessor").asText()).isEqualTo(Records.ACCESSOR);
        assertThat(out.at("/auth/client_token").asText()).isEqualTo(hasher.hash(Records.ROOT_TOKEN));
    }

    @Test
    void logRawWritesEverythingInClear() {
        ObjectNode record = builder.request(Records.write("secret/data/app", "{\"password\":\"s3cr3t\"}",
                Records.ROOT_TOKEN), Records.rootToken());
        ObjectNode out = Redactor.apply(record, options(Map.of("log_raw", "true")), hasher);
        assertThat(out).isEqualTo(record);
    }

    @Test
    void responseAuthTokensAreHashed() {
        ObjectNode auth = Json.object().put("client_token", "hvs.child").put("accessor", "childAccessor");
        ObjectNode record = builder.response(Records.write("auth/token/create", "{}", Records.ROOT_TOKEN),
                Records.rootToken(), ApiResponse.envelope(null).auth(auth).build());
        ObjectNode out = Redactor.apply(record, options(Map.of()), hasher);
        assertThat(out.at("/response/auth/client_token").asText()).isEqualTo(hasher.hash("hvs.child"));
        assertThat(out.at("/response/auth/accessor").asText()).isEqualTo(hasher.hash("childAccessor"));
    }

    @Test
    void elidedListResponsesLogTheNumberOfKeys() {
        ObjectNode data = Json.object();
        data.putArray("keys").add("a").add("b/");
        ObjectNode record = builder.response(Records.list("secret/metadata/", Records.ROOT_TOKEN),
                Records.rootToken(), ApiResponse.envelope(data).build());
        ObjectNode out = Redactor.apply(record, options(Map.of("elide_list_responses", "true")), hasher);
        assertThat(out.at("/response/data/keys").asInt()).isEqualTo(2);
        ObjectNode kept = Redactor.apply(record, options(Map.of()), hasher);
        assertThat(kept.at("/response/data/keys/1").asText()).isEqualTo(hasher.hash("b/"));
    }

    private static DeviceOptions options(Map<String, String> extra) {
        Map<String, String> all = new java.util.HashMap<>(extra);
        all.put("file_path", "discard");
        return DeviceOptions.parse(all);
    }
}
