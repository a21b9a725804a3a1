package io.coffer.api.audit;

/**
 * The mount serving a request path, as the audit record names it ({@code mount_point}, {@code mount_type},
 * {@code mount_accessor}, {@code mount_class}).
 *
 * @param path       mount path with trailing '/'
 * @param type       mount type ({@code kv}, {@code system}, {@code token}, ...)
 * @param accessor   mount accessor, or null when unknown
 * @param mountClass {@code secret} for secrets engines, {@code auth} for auth methods
 */
public record MountRef(String path, String type, String accessor, String mountClass) {
}
