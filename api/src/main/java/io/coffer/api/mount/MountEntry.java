package io.coffer.api.mount;

import java.util.Map;

/**
 * One row of the mount table (vault-api.md §4.1).
 *
 * @param path            mount path with trailing '/', e.g. {@code secret/}
 * @param type            {@code kv}, {@code system}, {@code cubbyhole}, {@code identity}, {@code token}
 * @param description     free text
 * @param uuid            mount UUID; the mount's data lives under {@code logical/<uuid>/}
 * @param accessor        {@code <type>_<8 hex>}
 * @param options         mount options (KV: {@code version} = "1" or "2"), or null
 * @param defaultLeaseTtl seconds, 0 = system default
 * @param maxLeaseTtl     seconds, 0 = system default
 * @param local           Vault's local flag
 * @param sealWrap        Vault's seal_wrap flag
 */
public record MountEntry(String path, String type, String description, String uuid, String accessor,
                         Map<String, String> options, long defaultLeaseTtl, long maxLeaseTtl, boolean local,
                         boolean sealWrap) {

    /** KV version of this mount: 2 when {@code options.version} is "2", else 1. */
    public int kvVersion() {
        return options != null && "2".equals(options.get("version")) ? 2 : 1;
    }
}
