package io.coffer.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.Operation;
import io.coffer.api.router.Call;
import io.coffer.api.router.Routes;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@code sys/audit} (list), {@code sys/audit/<path>} (enable, disable) and {@code sys/audit-hash/<path>}
 * (vault-api.md §8.1). List and hash answers are top-level injected (§1.4).
 */
public final class AuditEndpoints {

    private final AuditTable table;
    private final AuditBroker broker;
    private final RecordBuilder records;

    AuditEndpoints(AuditTable table, AuditBroker broker, RecordBuilder records) {
        this.table = table;
        this.broker = broker;
        this.records = records;
    }

    public void register(Routes routes) {
        routes.on("sys/audit", c -> list(), Operation.READ);
        routes.onWrite("sys/audit-hash/*", this::hash);
        routes.onWrite("sys/audit/*", this::enable);
        routes.on("sys/audit/*", this::disable, Operation.DELETE);
    }

    private ApiResponse list() {
        ObjectNode data = Json.object();
        for (AuditDevice device : table.snapshot().devices()) {
            ObjectNode info = data.putObject(device.path());
            info.put("description", device.description());
            info.put("local", device.local());
            info.set("options", Json.MAPPER.valueToTree(new TreeMap<>(device.options())));
            info.put("path", device.path());
            info.put("type", device.type());
        }
        return ApiResponse.envelope(data).mountType("system").injectTopLevel().build();
    }

    private ApiResponse enable(Call call) {
        ObjectNode body = call.request().jsonBody();
        String path = call.param() + "/";
        String type = body.path("type").asText("");
        if (!type.equals("file")) {
            throw ApiException.badRequest("unknown backend type: \"" + type + "\"");
        }
        Map<String, String> options = strings(body.get("options"));
        DeviceOptions parsed = DeviceOptions.parse(options);
        for (AuditDevice existing : table.snapshot().devices()) {
            if (existing.path().startsWith(path) || path.startsWith(existing.path())) {
                throw ApiException.badRequest("path already in use");
            }
        }
        AuditDevice device = new AuditDevice(path, type, body.path("description").asText(""), options,
                body.path("local").asBoolean(false), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        if (!parsed.skipTest()) {
            try {
                AuditBroker.writeTest(device, parsed, records.test());
            } catch (IOException e) {
                throw ApiException.badRequest("audit backend failed test message: " + e.getMessage());
            }
        }
        table.enable(device);
        return ApiResponse.noContent();
    }

    private ApiResponse disable(Call call) {
        table.disable(call.param() + "/");
        return ApiResponse.noContent();
    }

    private ApiResponse hash(Call call) {
        String input = call.request().jsonBody().path("input").asText("");
        if (input.isEmpty()) {
            throw ApiException.badRequest("the \"input\" parameter is empty");
        }
        ObjectNode data = Json.object();
        data.put("hash", broker.hash(call.param() + "/", input));
        return ApiResponse.envelope(data).mountType("system").injectTopLevel().build();
    }

    /** Option values as strings, as Vault's key/value pair fields coerce them. */
    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if (!f.getValue().isNull()) {
                    out.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString());
                }
            });
        }
        return out;
    }
}
