package io.coffer.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.http.ErrorResponder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The clear record shape of vault-api.md §8.3 (before per-device hashing). */
class RecordFormatTest {

    private final RecordBuilder builder = Records.builder();

    @Test
    void requestRecordHasVaultsFieldsInVaultsOrder() {
        ObjectNode record = builder.request(Records.write("secret/data/app", "{\"data\":{\"password\":\"s3cr3t\"}}",
                Records.ROOT_TOKEN), Records.rootToken());

        assertThat(record.fieldNames()).toIterable().containsExactly("time", "auth", "request", "type");
        assertThat(record.get("time").asText()).isEqualTo("2024-05-01T12:00:00.123456789Z");
        assertThat(record.get("type").asText()).isEqualTo("request");
        JsonNode auth = record.get("auth");
        assertThat(auth.fieldNames()).toIterable().containsExactly("accessor", "client_token", "display_name",
                "policies", "token_issue_time", "token_policies", "token_type");
        assertThat(auth.get("token_issue_time").asText()).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(auth.get("token_type").asText()).isEqualTo("service");
        JsonNode request = record.get("request");
        assertThat(request.fieldNames()).toIterable().containsExactly("client_token", "client_token_accessor",
                "data", "id", "mount_accessor", "mount_class", "mount_point", "mount_type", "namespace", "operation",
                "path", "remote_address");
        assertThat(request.get("id").asText()).isEqualTo("5b3d2e0c-0000-4000-8000-000000000001");
        assertThat(request.at("/namespace/id").asText()).isEqualTo("root");
        assertThat(request.get("operation").asText()).isEqualTo("update");
        assertThat(request.get("path").asText()).isEqualTo("secret/data/app");
        assertThat(request.at("/data/data/password").asText()).isEqualTo("s3cr3t");
        assertThat(request.get("mount_type").asText()).isEqualTo("kv");
    }

    @Test
    void readRecordsCarryTheQueryAsData() {
        ObjectNode record = builder.request(Records.read("secret/data/app", Map.of("version", "3"),
                Records.ROOT_TOKEN), Records.rootToken());
        assertThat(record.at("/request/data/version").asText()).isEqualTo("3");
    }

    @Test
    void responseRecordCarriesEnvelopeDataMountAndWarnings() {
        ObjectNode data = Json.object().put("created_time", "2024-05-01T12:00:00Z").put("version", 1);
        ApiResponse response = ApiResponse.envelope(data).mountType("kv").warnings(java.util.List.of("careful"))
                .build();
        ObjectNode record = builder.response(Records.write("secret/data/app", "{}", Records.ROOT_TOKEN),
                Records.rootToken(), response);

        assertThat(record.fieldNames()).toIterable().containsExactly("time", "auth", "request", "response", "type");
        JsonNode out = record.get("response");
        assertThat(out.fieldNames()).toIterable().containsExactly("data", "mount_accessor", "mount_class",
                "mount_point", "mount_type", "warnings");
        assertThat(out.at("/data/version").asInt()).isEqualTo(1);
        assertThat(out.at("/warnings/0").asText()).isEqualTo("careful");
    }

    @Test
    void errorResponsesSetErrorAndNoData() {
        ApiResponse denied = ErrorResponder.toResponse(ApiException.permissionDenied(), "id");
        ObjectNode record = builder.response(Records.write("secret/data/app", "{}", null), null, denied);
        assertThat(record.fieldNames()).toIterable().containsExactly("time", "auth", "error", "request", "response",
                "type");
        assertThat(record.get("error").asText()).isEqualTo("permission denied");
        assertThat(record.get("auth").isEmpty()).isTrue();
        assertThat(record.get("response").has("data")).isFalse();
    }

    @Test
    void severalErrorsUseTheMultiErrorForm() {
        ApiResponse failed = ErrorResponder.toResponse(ApiException.of(400, "a", "b"), "id");
        assertThat(RecordBuilder.error(failed)).contains("2 errors occurred:\n\t* a\n\t* b\n\n");
    }

    @Test
    void rawResponsesAreLoggedAsHttpFields() {
        ApiResponse text = ApiResponse.bytes(200, "metrics".getBytes(StandardCharsets.UTF_8), "text/plain");
        ObjectNode record = builder.response(Records.read("sys/metrics", Map.of(), Records.ROOT_TOKEN),
                Records.rootToken(), text);
        assertThat(record.at("/response/data/http_raw_body").asText()).isEqualTo("metrics");
        assertThat(record.at("/response/data/http_status_code").asInt()).isEqualTo(200);
    }

    @Test
    void tokenCreateResponseAuthIsMappedToTheAuditAuthShape() {
        ObjectNode auth = Json.object().put("client_token", "hvs.child").put("accessor", "childAccessor")
                .put("lease_duration", 3600).put("renewable", true).put("token_type", "service")
                .put("orphan", false);
        auth.putArray("policies").add("default");
        ApiResponse response = ApiResponse.envelope(null).auth(auth).mountType("token").build();
        ObjectNode record = builder.response(Records.write("auth/token/create", "{}", Records.ROOT_TOKEN),
                Records.rootToken(), response);
        JsonNode out = record.at("/response/auth");
        assertThat(out.fieldNames()).toIterable().containsExactly("accessor", "client_token", "policies",
                "token_ttl", "token_type");
        assertThat(out.get("token_ttl").asInt()).isEqualTo(3600);
    }

    @Test
    void testRecordIsAnUpdateOfSysAuditTest() {
        ObjectNode record = builder.test();
        assertThat(record.at("/request/path").asText()).isEqualTo("sys/audit/test");
        assertThat(record.at("/request/operation").asText()).isEqualTo("update");
        assertThat(record.get("type").asText()).isEqualTo("request");
        assertThat(record.has("auth")).isFalse();
    }
}
