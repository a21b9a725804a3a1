package io.coffer.api.kv;

import io.coffer.api.ApiRequest;
import io.coffer.api.ApiResponse;
import io.coffer.api.Operation;
import io.coffer.api.store.LogicalStorage;
import java.time.Clock;

/** A KV v2 mount: routes a mount-relative path to its endpoint group ({@link V2Path}). */
final class KvV2 {

    private final KvStore store;
    private final Clock clock;

    KvV2(LogicalStorage storage, Clock clock) {
        this.store = new KvStore(storage);
        this.clock = clock;
    }

    ApiResponse handle(ApiRequest request) {
        V2Path path = V2Path.parse(request.path());
        return switch (path.kind()) {
            case DATA -> new DataEndpoint(store, clock).handle(request, path.key());
            case METADATA -> new MetadataEndpoint(store, clock).handle(request, path.key());
            case DELETE -> versions(request, path, VersionsEndpoint.Action.DELETE);
            case UNDELETE -> versions(request, path, VersionsEndpoint.Action.UNDELETE);
            case DESTROY -> versions(request, path, VersionsEndpoint.Action.DESTROY);
            case SUBKEYS -> new SubkeysEndpoint(store, clock).handle(request, path.key());
            case CONFIG -> new ConfigEndpoint(store).handle(request);
            case ROOT -> throw KvResponses.invalidPath(KvResponses.ROOT_WARNING);
            case INVALID -> throw KvResponses.invalidPath(
                    String.format(KvResponses.INVALID_PATH_WARNING, cliVerb(request.operation())));
        };
    }

    private ApiResponse versions(ApiRequest request, V2Path path, VersionsEndpoint.Action action) {
        return new VersionsEndpoint(store, clock).handle(request, path.key(), action);
    }

    /** The {@code vault kv} subcommand Vault names in the invalid-path warning. */
    static String cliVerb(Operation operation) {
        return switch (operation) {
            case CREATE, UPDATE -> "put";
            case PATCH -> "patch";
            case READ -> "get";
            case LIST -> "list";
            case DELETE -> "delete";
            default -> "";
        };
    }
}
