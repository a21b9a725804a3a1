package io.coffer.api.sys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.Operation;
import io.coffer.api.auth.TokenStore;
import io.coffer.api.core.InitialState;
import io.coffer.api.core.SealManager;
import io.coffer.api.router.Call;
import io.coffer.api.router.Routes;
import io.coffer.seal.SealConfig;
import io.coffer.seal.ShareCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** {@code sys/init}, {@code sys/seal-status}, {@code sys/unseal} (unauthenticated, raw bodies; §2.1–2.3). */
public final class SealEndpoints {

    private final SealManager seal;
    private final SealStatusView view;
    private final Function<String, InitialState> initialState;

    /** {@code initialState} gives the first encrypted entries of the cluster for a given root token. */
    public SealEndpoints(SealManager seal, SealStatusView view, Function<String, InitialState> initialState) {
        this.seal = seal;
        this.view = view;
        this.initialState = initialState;
    }

    public void register(Routes routes) {
        routes.on("sys/init", c -> initStatus(), Operation.READ);
        routes.onWrite("sys/init", this::init);
        routes.on("sys/seal-status", c -> ApiResponse.raw(view.render()), Operation.READ);
        routes.onWrite("sys/unseal", this::unseal);
    }

    private ApiResponse initStatus() {
        ObjectNode body = Json.object();
        body.put("initialized", seal.initialized());
        return ApiResponse.raw(body);
    }

    private ApiResponse init(Call call) {
        RawBody body = RawBody.of(call.request());
        List<String> recovery = new ArrayList<>();
        if (body.integer("recovery_shares") != 0) {
            recovery.add("recovery_shares");
        }
        if (body.integer("recovery_threshold") != 0) {
            recovery.add("recovery_threshold");
        }
        if (body.nonEmpty("recovery_pgp_keys")) {
            recovery.add("recovery_pgp_keys");
        }
        if (!recovery.isEmpty()) {
            throw ApiException.badRequest("parameters " + String.join(",", recovery)
                    + " not applicable to seal type shamir");
        }
        int shares = body.integer("secret_shares");
        if (body.nonEmpty("pgp_keys")) {
            if (body.get("pgp_keys").size() != shares) {
                throw ApiException.badRequest("incorrect number of PGP keys");
            }
            throw ApiException.badRequest("pgp_keys are not supported by this server; omit them");
        }
        if (body.nonEmpty("root_token_pgp_key")) {
            throw ApiException.badRequest("root_token_pgp_key is not supported by this server; omit it");
        }
        String rootToken = TokenStore.newTokenId();
        List<byte[]> keys = seal.initialize(SealConfig.shamir(shares, body.integer("secret_threshold")),
                initialState.apply(rootToken));
        ObjectNode out = Json.object();
        var hex = out.putArray("keys");
        var b64 = out.putArray("keys_base64");
        keys.forEach(k -> {
            hex.add(ShareCodec.hex(k));
            b64.add(ShareCodec.base64(k));
        });
        out.put("root_token", rootToken);
        return ApiResponse.raw(out);
    }

    private ApiResponse unseal(Call call) {
        RawBody body = RawBody.of(call.request());
        if (body.bool("reset")) {
            if (!seal.initialized()) {
                throw ApiException.badRequest("Vault is not initialized");
            }
            if (!seal.sealed()) {
                throw ApiException.badRequest("vault is unsealed");
            }
            seal.resetProgress();
            return ApiResponse.raw(view.render());
        }
        String key = body.text("key");
        if (key.isEmpty()) {
            throw ApiException.badRequest("'key' must be specified in request body as JSON, or 'reset' set to true");
        }
        if (!seal.initialized()) {
            throw ApiException.badRequest("Vault is not initialized");
        }
        byte[] share;
        try {
            share = ShareCodec.decode(key);
        } catch (io.coffer.seal.SealException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        seal.submitShare(share);
        return ApiResponse.raw(view.render());
    }
}
