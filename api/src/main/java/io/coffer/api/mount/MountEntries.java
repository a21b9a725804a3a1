package io.coffer.api.mount;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/** Creates mount entries with fresh identifiers. */
public final class MountEntries {

    private static final SecureRandom RANDOM = new SecureRandom();

    private MountEntries() {
    }

    /** A new entry at {@code path} (with trailing '/') with a random UUID and a {@code <type>_<8 hex>} accessor. */
    public static MountEntry create(String path, String type, String description, Map<String, String> options,
                                    boolean local) {
        byte[] accessor = new byte[4];
        RANDOM.nextBytes(accessor);
        return new MountEntry(path, type, description, UUID.randomUUID().toString(),
                type + "_" + HexFormat.of().formatHex(accessor), options, 0, 0, local, false);
    }
}
