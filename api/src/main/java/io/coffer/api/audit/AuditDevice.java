package io.coffer.api.audit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * One row of the replicated audit device table (vault-api.md §8.1).
 *
 * @param path        device path with trailing '/', e.g. {@code file/}
 * @param type        device type; only {@code file} exists in Coffer
 * @param description free text
 * @param options     the device options exactly as enabled (all strings)
 * @param local       Vault's {@code local} flag (kept and listed; every node of a Raft cluster writes the device)
 * @param uuid        a fresh id per enable: a re-enabled path is a new device
 * @param salt        the HMAC key, a random UUID string as Vault's per-device salt; never listed, logged or printed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuditDevice(String path, String type, String description, Map<String, String> options,
                          boolean local, String uuid, String salt) {

    public AuditDevice {
        options = Map.copyOf(options);
    }

    /** Leaves out the salt. */
    @Override
    public String toString() {
        return "AuditDevice[path=" + path + ", type=" + type + ", uuid=" + uuid + "]";
    }
}
