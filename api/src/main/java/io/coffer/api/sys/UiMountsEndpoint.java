package io.coffer.api.sys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.Operation;
import io.coffer.api.auth.Authorizer;
import io.coffer.api.mount.MountEntry;
import io.coffer.api.mount.MountTable;
import io.coffer.api.router.Call;
import io.coffer.api.router.Routes;

/** {@code sys/internal/ui/mounts[/<path>]}: the CLI's KV-version preflight (vault-api.md §4.2). */
public final class UiMountsEndpoint {

    private final MountTable mounts;
    private final Authorizer authorizer;

    public UiMountsEndpoint(MountTable mounts, Authorizer authorizer) {
        this.mounts = mounts;
        this.authorizer = authorizer;
    }

    public void register(Routes routes) {
        routes.on("sys/internal/ui/mounts", this::listAll, Operation.READ);
        routes.on("sys/internal/ui/mounts/*", this::one, Operation.READ);
    }

    private ApiResponse one(Call call) {
        String path = call.param();
        MountEntry mount = mounts.match(path).filter(m -> !m.type().equals("system"))
                .orElseThrow(() -> denied(path));
        if (!authorizer.hasAnyCapabilityUnder(call.token(), mount.path())) {
            throw denied(path);
        }
        ObjectNode data = MountInfo.render(mount);
        data.put("path", mount.path());
        return ApiResponse.envelope(data).mountType("system").build();
    }

    private ApiResponse listAll(Call call) {
        ObjectNode data = Json.object();
        ObjectNode secret = data.putObject("secret");
        mounts.mounts().stream()
                .filter(m -> authorizer.hasAnyCapabilityUnder(call.token(), m.path()))
                .forEach(m -> secret.set(m.path(), MountInfo.render(m)));
        ObjectNode auth = data.putObject("auth");
        auth.set("token/", Json.object().put("type", "token").put("description", "token based credentials"));
        return ApiResponse.envelope(data).mountType("system").build();
    }

    private static ApiException denied(String path) {
        String shown = path.endsWith("/") ? path : path + "/";
        return ApiException.of(403, "preflight capability check returned 403, please ensure client's policies "
                + "grant access to path \"" + shown + "\"");
    }
}
