package io.coffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The CLI's KV path handling (vault-api.md §12, {@code kv_helpers.go}): path sanitising, the
 * {@code sys/internal/ui/mounts} preflight that tells KV v1 from v2, and the v2 path builder that inserts
 * {@code data/}, {@code metadata/}, {@code delete/}... after the mount.
 */
final class KvPaths {

    private KvPaths() {
    }

    /**
     * A resolved KV target.
     *
     * @param mountPath the mount with its trailing slash ({@code secret/}), or empty when the preflight got a 404
     * @param v2        whether the mount is KV version 2
     */
    record Mount(String mountPath, boolean v2) {
    }

    /** {@code sanitizePath}: trimmed, no leading or trailing slashes. */
    static String sanitize(String path) {
        String s = path.trim();
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '/') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(start, end);
    }

    /** {@code ensureTrailingSlash}: trimmed, with one trailing slash (empty stays empty). */
    static String ensureTrailingSlash(String path) {
        String s = path.trim();
        return s.isEmpty() || s.endsWith("/") ? s : s + "/";
    }

    /**
     * {@code kvPreflightVersionRequest}: {@code GET sys/internal/ui/mounts/<path>}; a 404 means a server too old to
     * answer, so KV v1 at the path as given; other errors propagate. Version "2" is v2, anything else v1.
     */
    static Mount preflight(VaultClient client, String path) throws ClientException {
        JsonNode body;
        try {
            body = client.json(VaultRequest.get("sys/internal/ui/mounts/" + path));
        } catch (ClientException e) {
            if (e.status() == 404) {
                return new Mount("", false);
            }
            throw e;
        }
        if (body == null) {
            throw new ClientException("nil response from pre-flight request");
        }
        JsonNode data = body.path("data");
        String mountPath = data.path("path").asText("");
        JsonNode version = data.path("options").path("version");
        return new Mount(mountPath, version.isTextual() && version.asText().equals("2"));
    }

    /**
     * {@code addPrefixToKVPath}: {@code secret/app} under mount {@code secret/} with prefix {@code data} becomes
     * {@code secret/data/app}; the mount itself becomes {@code secret/data}. Mount prefixes the path does not carry
     * (namespaces) are trimmed off the front of the mount first.
     */
    static String addPrefix(String path, String mountPath, String apiPrefix) {
        if (path.equals(mountPath) || path.equals(trimSuffix(mountPath))) {
            return join(mountPath, apiPrefix);
        }
        String mount = mountPath;
        String suffix = trimPrefix(path, mount);
        while (suffix.equals(path)) {
            int slash = mount.indexOf('/');
            mount = slash < 0 ? "" : mount.substring(slash + 1);
            if (mount.isEmpty()) {
                break;
            }
            suffix = trimPrefix(path, mount);
        }
        return join(mount, apiPrefix, suffix);
    }

    /** Go's {@code path.Join}: non-empty parts joined by single slashes, cleaned, no trailing slash. */
    static String join(String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            if (!part.isEmpty()) {
                joined.append(joined.length() == 0 ? "" : "/").append(part);
            }
        }
        String clean = RequestUris.clean(joined.toString());
        return joined.length() > 0 && joined.charAt(0) == '/' ? "/" + clean : clean;
    }

    private static String trimPrefix(String s, String prefix) {
        return !prefix.isEmpty() && s.startsWith(prefix) ? s.substring(prefix.length()) : s;
    }

    private static String trimSuffix(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
