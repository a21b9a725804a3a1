package io.coffer.api.sys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.Operation;
import io.coffer.api.core.HaState;
import io.coffer.api.core.SealManager;
import io.coffer.api.router.Call;
import io.coffer.api.router.Routes;
import io.coffer.seal.Keyring;

/** {@code sys/seal}, {@code sys/key-status}, {@code sys/rotate} (vault-api.md §2.4, §2.9). */
public final class SystemEndpoints {

    private final SealManager seal;
    private final HaState ha;

    public SystemEndpoints(SealManager seal, HaState ha) {
        this.seal = seal;
        this.ha = ha;
    }

    public void register(Routes routes) {
        routes.onWrite("sys/seal", this::seal);
        routes.on("sys/key-status", c -> keyStatus(), Operation.READ);
        routes.onWrite("sys/rotate", c -> {
            seal.rotate();
            return ApiResponse.noContent();
        });
    }

    private ApiResponse seal(Call call) {
        if (!ha.active()) {
            throw ApiException.internal("vault cannot seal when in standby mode; please restart instead");
        }
        seal.seal();
        return ApiResponse.noContent();
    }

    private ApiResponse keyStatus() {
        var barrier = seal.barrier();
        Keyring keyring = barrier.keyring();
        ObjectNode data = Json.object();
        data.put("term", keyring.activeTerm());
        data.put("install_time", keyring.installTime(keyring.activeTerm()).toString());
        data.put("encryptions", barrier.encryptions());
        return ApiResponse.envelope(data).mountType("system").injectTopLevel().build();
    }
}
