package io.coffer.api.sys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.Json;
import io.coffer.api.mount.MountEntry;

/** Renders one mount as {@code sys/mounts} shows it (vault-api.md §4.1). */
final class MountInfo {

    private MountInfo() {
    }

    static ObjectNode render(MountEntry m) {
        ObjectNode out = Json.object();
        out.put("type", m.type());
        out.put("description", m.description());
        out.put("accessor", m.accessor());
        out.put("uuid", m.uuid());
        out.put("local", m.local());
        out.put("seal_wrap", m.sealWrap());
        out.put("external_entropy_access", false);
        if (m.options() == null) {
            out.putNull("options");
        } else {
            out.set("options", Json.MAPPER.valueToTree(m.options()));
        }
        ObjectNode config = out.putObject("config");
        config.put("default_lease_ttl", m.defaultLeaseTtl());
        config.put("max_lease_ttl", m.maxLeaseTtl());
        config.put("force_no_cache", false);
        out.put("plugin_version", "");
        out.put("running_plugin_version", "v0.16.1+builtin");
        out.put("running_sha256", "");
        out.put("deprecation_status", "supported");
        return out;
    }
}
