package io.coffer.api.kv;

/**
 * Routing of a mount-relative path on a KV v2 mount, following the path patterns of Vault's KV plugin in order.
 *
 * @param kind which endpoint group serves the path
 * @param key  the secret path after the group prefix ({@code ""} for {@link Kind#CONFIG}, {@link Kind#ROOT},
 *             {@link Kind#INVALID})
 */
record V2Path(Kind kind, String key) {

    /** Endpoint groups of a KV v2 mount. */
    enum Kind { DATA, METADATA, DELETE, UNDELETE, DESTROY, SUBKEYS, CONFIG, ROOT, INVALID }

    /**
     * {@code data/<k>} needs a key not ending in '/'; {@code metadata/}, {@code delete/}, {@code undelete/},
     * {@code destroy/} and {@code subkeys/} take any rest (even empty); {@code config} is exact; the bare group names
     * are {@link Kind#ROOT}; everything else is {@link Kind#INVALID}.
     */
    static V2Path parse(String path) {
        switch (path) {
            case "config":
                return new V2Path(Kind.CONFIG, "");
            case "data", "metadata", "delete", "undelete", "destroy":
                return new V2Path(Kind.ROOT, "");
            default:
                break;
        }
        if (path.startsWith("data/")) {
            String key = path.substring("data/".length());
            boolean valid = !key.isEmpty() && !key.endsWith("/");
            return valid ? new V2Path(Kind.DATA, key) : new V2Path(Kind.INVALID, "");
        }
        for (Kind kind : new Kind[] {Kind.METADATA, Kind.DELETE, Kind.UNDELETE, Kind.DESTROY, Kind.SUBKEYS}) {
            String prefix = kind.name().toLowerCase(java.util.Locale.ROOT) + "/";
            if (path.startsWith(prefix)) {
                return new V2Path(kind, path.substring(prefix.length()));
            }
        }
        return new V2Path(Kind.INVALID, "");
    }
}
