package io.coffer.api.sys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.Operation;
import io.coffer.api.mount.MountEntries;
import io.coffer.api.mount.MountEntry;
import io.coffer.api.mount.MountTable;
import io.coffer.api.router.Call;
import io.coffer.api.router.Routes;
import java.util.HashMap;
import java.util.Map;

/** {@code sys/mounts}, {@code sys/mounts/<path>} and {@code sys/mounts/<path>/tune} (vault-api.md §4.1). */
public final class MountEndpoints {

    static final long SYSTEM_DEFAULT_TTL = 2764800;

    private final MountTable mounts;
    private final KvUpgrade upgrade;

    /** {@code upgrade} moves a KV mount's data from version 1 to version 2 layout. */
    public MountEndpoints(MountTable mounts, KvUpgrade upgrade) {
        this.mounts = mounts;
        this.upgrade = upgrade;
    }

    /** Moves a mount's stored data from KV v1 to KV v2 layout. */
    @FunctionalInterface
    public interface KvUpgrade {
        void upgrade(MountEntry mount);
    }

    public void register(Routes routes) {
        routes.on("sys/mounts", c -> list(), Operation.READ);
        routes.on("sys/mounts/*/tune", this::readTune, Operation.READ);
        routes.onWrite("sys/mounts/*/tune", this::tune);
        routes.on("sys/mounts/*", this::read, Operation.READ);
        routes.onWrite("sys/mounts/*", this::enable);
        routes.on("sys/mounts/*", this::disable, Operation.DELETE);
    }

    private ApiResponse list() {
        ObjectNode data = Json.object();
        mounts.mounts().forEach(m -> data.set(m.path(), MountInfo.render(m)));
        return ApiResponse.envelope(data).mountType("system").injectTopLevel().build();
    }

    private ApiResponse read(Call call) {
        MountEntry mount = mounts.get(call.param() + "/").orElseThrow(() -> ApiException.badRequest(
                "No secret engine mount at " + call.param() + "/"));
        return ApiResponse.envelope(MountInfo.render(mount)).mountType("system").injectTopLevel().build();
    }

    private ApiResponse enable(Call call) {
        ObjectNode body = call.request().jsonBody();
        String type = body.path("type").asText("");
        if (type.isEmpty()) {
            throw ApiException.badRequest("backend type must be specified as a string");
        }
        Map<String, String> options = stringMap(body.get("options"));
        if (type.equals("kv-v2") || type.equals("kv-v1")) {
            options = options == null ? new HashMap<>() : options;
            options.put("version", type.equals("kv-v2") ? "2" : "1");
            type = "kv";
        }
        if (!type.equals("kv")) {
            throw ApiException.badRequest("plugin not found in the catalog: " + type);
        }
        if (options == null) {
            options = new HashMap<>();
        }
        options.putIfAbsent("version", "1");
        JsonNode config = body.path("config");
        MountEntry created = MountEntries.create(call.param() + "/", type, body.path("description").asText(""),
                options, body.path("local").asBoolean(false));
        created = withTtls(created, config.get("default_lease_ttl"), config.get("max_lease_ttl"));
        mounts.mount(created);
        return ApiResponse.noContent();
    }

    private ApiResponse disable(Call call) {
        mounts.unmount(call.param() + "/");
        return ApiResponse.noContent();
    }

    private ApiResponse readTune(Call call) {
        MountEntry mount = mounts.get(call.param() + "/").orElseThrow(() -> ApiException.badRequest(
                "cannot fetch sysview for path \"" + call.param() + "/\""));
        ObjectNode data = Json.object();
        data.put("default_lease_ttl", mount.defaultLeaseTtl() == 0 ? SYSTEM_DEFAULT_TTL : mount.defaultLeaseTtl());
        data.put("max_lease_ttl", mount.maxLeaseTtl() == 0 ? SYSTEM_DEFAULT_TTL : mount.maxLeaseTtl());
        data.put("force_no_cache", false);
        data.put("description", mount.description());
        data.set("options", mount.options() == null ? Json.MAPPER.nullNode()
                : Json.MAPPER.valueToTree(mount.options()));
        data.put("plugin_version", "");
        return ApiResponse.envelope(data).mountType("system").injectTopLevel().build();
    }

    private ApiResponse tune(Call call) {
        MountEntry mount = mounts.get(call.param() + "/").orElseThrow(() -> ApiException.badRequest(
                "cannot tune \"" + call.param() + "/\": no mount at that path"));
        ObjectNode body = call.request().jsonBody();
        MountEntry tuned = withTtls(mount, body.get("default_lease_ttl"), body.get("max_lease_ttl"));
        if (body.hasNonNull("description")) {
            tuned = new MountEntry(tuned.path(), tuned.type(), body.get("description").asText(), tuned.uuid(),
                    tuned.accessor(), tuned.options(), tuned.defaultLeaseTtl(), tuned.maxLeaseTtl(), tuned.local(),
                    tuned.sealWrap());
        }
        Map<String, String> options = stringMap(body.get("options"));
        boolean upgradeToV2 = false;
        if (options != null && options.containsKey("version") && tuned.type().equals("kv")) {
            String to = options.get("version");
            if (mount.kvVersion() == 2 && "1".equals(to)) {
                throw ApiException.badRequest("cannot downgrade mount from version 2");
            }
            upgradeToV2 = mount.kvVersion() == 1 && "2".equals(to);
            Map<String, String> merged = new HashMap<>(tuned.options() == null ? Map.of() : tuned.options());
            merged.putAll(options);
            tuned = new MountEntry(tuned.path(), tuned.type(), tuned.description(), tuned.uuid(), tuned.accessor(),
                    merged, tuned.defaultLeaseTtl(), tuned.maxLeaseTtl(), tuned.local(), tuned.sealWrap());
        }
        if (upgradeToV2) {
            upgrade.upgrade(mount);
        }
        mounts.replace(tuned);
        return ApiResponse.noContent();
    }

    private static MountEntry withTtls(MountEntry m, JsonNode defaultTtl, JsonNode maxTtl) {
        long def = defaultTtl == null || defaultTtl.isNull() ? m.defaultLeaseTtl() : Durations.seconds(defaultTtl);
        long max = maxTtl == null || maxTtl.isNull() ? m.maxLeaseTtl() : Durations.seconds(maxTtl);
        return new MountEntry(m.path(), m.type(), m.description(), m.uuid(), m.accessor(), m.options(), def, max,
                m.local(), m.sealWrap());
    }

    private static Map<String, String> stringMap(JsonNode node) {
        if (node == null || node.isNull() || !node.isObject()) {
            return null;
        }
        Map<String, String> out = new HashMap<>();
        node.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText()));
        return out;
    }
}
