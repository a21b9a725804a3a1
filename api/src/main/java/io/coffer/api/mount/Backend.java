package io.coffer.api.mount;

import io.coffer.api.ApiRequest;
import io.coffer.api.ApiResponse;

/**
 * A secrets engine mounted at some path. The router strips the mount path, so {@code request.path()} is
 * relative to the mount ({@code data/app} for {@code secret/data/app}). Runs on a worker thread.
 */
public interface Backend {
    ApiResponse handle(ApiRequest request, MountEntry mount);
}
