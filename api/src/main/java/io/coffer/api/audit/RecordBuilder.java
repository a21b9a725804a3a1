package io.coffer.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.ApiRequest;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.Operation;
import io.coffer.api.auth.TokenEntry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Builds audit records in clear, in Vault's JSON shape and field order (vault-api.md §8.3): {@code time},
 * {@code auth}, {@code error}, {@code request}, {@code response}, {@code type}. Hashing happens per device
 * afterwards ({@link Redactor}), so a record built here must never be written as it is unless the device logs raw.
 */
final class RecordBuilder {

    private final Clock clock;
    private final Function<String, Optional<MountRef>> mounts;

    /** {@code mounts} finds the mount serving a request path. */
    RecordBuilder(Clock clock, Function<String, Optional<MountRef>> mounts) {
        this.clock = clock;
        this.mounts = mounts;
    }

    /** The record written before a request is served. */
    ObjectNode request(ApiRequest request, TokenEntry token) {
        Optional<MountRef> mount = mounts.apply(request.path());
        ObjectNode record = start(request.token(), token);
        record.set("request", requestFields(request, token, mount));
        record.put("type", "request");
        return record;
    }

    /** The record written after a request was served; {@code response} may be an error response. */
    ObjectNode response(ApiRequest request, TokenEntry token, ApiResponse response) {
        Optional<MountRef> mount = mounts.apply(request.path());
        ObjectNode record = start(request.token(), token);
        error(response).ifPresent(e -> record.put("error", e));
        record.set("request", requestFields(request, token, mount));
        record.set("response", ResponseFields.of(response, mount));
        record.put("type", "response");
        return record;
    }

    /** Vault's test record on enable: a request for {@code sys/audit/test}, operation {@code update}. */
    ObjectNode test() {
        ObjectNode record = Json.object();
        record.put("time", GoTime.format(clock.instant()));
        ObjectNode request = record.putObject("request");
        request.put("id", UUID.randomUUID().toString());
        request.putObject("namespace").put("id", "root");
        request.put("operation", "update");
        request.put("path", "sys/audit/test");
        record.put("type", "request");
        return record;
    }

    private ObjectNode start(String rawToken, TokenEntry token) {
        ObjectNode record = Json.object();
        record.put("time", GoTime.format(clock.instant()));
        record.set("auth", AuthFields.of(rawToken, token));
        return record;
    }

    private static ObjectNode requestFields(ApiRequest request, TokenEntry token, Optional<MountRef> mount) {
        ObjectNode out = Json.object();
        if (request.token() != null && !request.token().isEmpty()) {
            out.put("client_token", request.token());
            if (token != null && token.accessor() != null) {
                out.put("client_token_accessor", token.accessor());
            }
        }
        JsonNode data = data(request);
        if (data != null && !data.isEmpty()) {
            out.set("data", data);
        }
        out.put("id", request.requestId());
        mount.ifPresent(m -> ResponseFields.putMount(out, m));
        out.putObject("namespace").put("id", "root");
        out.put("operation", request.operation().capability());
        out.put("path", request.path());
        if (request.remoteAddress() != null && !request.remoteAddress().isEmpty()) {
            out.put("remote_address", request.remoteAddress());
        }
        return out;
    }

    /** Request data as Vault's handlers see it: the query on reads, lists and deletes, the JSON body on writes. */
    private static JsonNode data(ApiRequest request) {
        Operation op = request.operation();
        if (op == Operation.READ || op == Operation.LIST || op == Operation.DELETE || op == Operation.HEAD) {
            ObjectNode query = Json.object();
            request.query().forEach(query::put);
            return query;
        }
        try {
            return request.jsonBody();
        } catch (ApiException e) {
            return null;
        }
    }

    /** The error text of an error response: the message, or Vault's multi-error form when there are several. */
    static Optional<String> error(ApiResponse response) {
        if (response.status() < 400 || response.json() == null || !response.json().has("errors")) {
            return Optional.empty();
        }
        List<String> errors = Json.MAPPER.convertValue(response.json().get("errors"),
                Json.MAPPER.getTypeFactory().constructCollectionType(List.class, String.class));
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        if (errors.size() == 1) {
            return Optional.of(errors.get(0));
        }
        StringBuilder text = new StringBuilder().append(errors.size()).append(" errors occurred:\n");
        errors.forEach(e -> text.append("\t* ").append(e).append('\n'));
        return Optional.of(text.append('\n').toString());
    }
}
