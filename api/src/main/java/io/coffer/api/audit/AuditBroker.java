package io.coffer.api.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.Json;
import io.coffer.api.metrics.MetricSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's open audit devices. Every node opens its own sink for every device in the replicated table and
 * follows the table by its storage revision, so a device enabled through another node starts writing here at the
 * next request. A record is logged when at least one device wrote it (vault-api.md §8.4). Thread-safe; called on
 * worker threads.
 */
public final class AuditBroker {

    private static final Logger LOG = LoggerFactory.getLogger(AuditBroker.class);
    private static final Devices NONE = new Devices(-1, List.of());

    private final AuditTable table;
    private final MetricSink metrics;
    private volatile Devices current = NONE;

    public AuditBroker(AuditTable table, MetricSink metrics) {
        this.table = table;
        this.metrics = metrics;
    }

    /** One device as opened on this node; {@code options} is null when its stored options no longer parse. */
    private record Open(AuditDevice device, DeviceOptions options, Hasher hasher, AuditSink sink) {
    }

    private record Devices(long revision, List<Open> open) {
    }

    /** Whether any device is enabled (reloading the table first when it changed). */
    public boolean enabled() {
        return !devices().isEmpty();
    }

    /**
     * Writes the record ({@code kind} is {@code request} or {@code response}, for metrics) to every device, hashed
     * per device; the record is built only when some device is enabled. Returns true when no device is enabled or
     * at least one device wrote it.
     */
    public boolean log(Supplier<ObjectNode> builder, String kind) {
        List<Open> open = devices();
        if (open.isEmpty()) {
            return true;
        }
        long start = System.nanoTime();
        ObjectNode record = builder.get();
        int written = 0;
        for (Open device : open) {
            if (write(device, record)) {
                written++;
            }
        }
        metrics.addSample("audit.log_" + kind, (System.nanoTime() - start) / 1e6);
        boolean ok = written > 0;
        metrics.incrCounter("audit.log_" + kind + "_failure", ok ? 0 : 1);
        return ok;
    }

    /** The device's hash of {@code input}; 400 {@code unknown audit backend "<path>"} when there is none. */
    public String hash(String path, String input) {
        return devices().stream().filter(d -> d.device().path().equals(path)).findFirst()
                .map(d -> d.hasher().hash(input))
                .orElseThrow(() -> ApiException.badRequest("unknown audit backend \"" + path + "\""));
    }

    /** Closes every sink (on seal); the next request after unseal reopens them from the table. */
    public synchronized void closeAll() {
        Devices old = current;
        current = NONE;
        old.open().forEach(d -> d.sink().close());
    }

    /** Writes one line for {@code record} to a sink that is not (yet) a registered device: the enable test. */
    static void writeTest(AuditDevice device, DeviceOptions options, ObjectNode record) throws IOException {
        AuditSink sink = AuditSink.of(options);
        try {
            sink.write(line(Redactor.apply(record, options, new Hasher(device.salt())), options));
        } finally {
            sink.close();
        }
    }

    private boolean write(Open device, ObjectNode record) {
        if (device.options() == null) {
            return false;
        }
        try {
            device.sink().write(line(Redactor.apply(record, device.options(), device.hasher()), device.options()));
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("audit device {} failed to write a record: {}", device.device().path(), e.toString());
            return false;
        }
    }

    private static byte[] line(ObjectNode record, DeviceOptions options) {
        byte[] json = Json.bytes(record);
        byte[] prefix = options.prefix().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[prefix.length + json.length + 1];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(json, 0, out, prefix.length, json.length);
        out[out.length - 1] = '\n';
        return out;
    }

    private List<Open> devices() {
        AuditTable.Snapshot snapshot = table.snapshot();
        Devices now = current;
        if (now.revision() == snapshot.revision()) {
            return now.open();
        }
        return reload(snapshot);
    }

    private synchronized List<Open> reload(AuditTable.Snapshot snapshot) {
        Devices old = current;
        if (old.revision() == snapshot.revision()) {
            return old.open();
        }
        Map<String, Open> byUuid = new HashMap<>();
        old.open().forEach(d -> byUuid.put(d.device().uuid(), d));
        List<Open> next = new ArrayList<>();
        for (AuditDevice device : snapshot.devices()) {
            Open kept = byUuid.remove(device.uuid());
            next.add(kept != null ? kept : open(device));
        }
        byUuid.values().forEach(d -> d.sink().close());
        current = new Devices(snapshot.revision(), List.copyOf(next));
        if (!byUuid.isEmpty() || next.size() != old.open().size()) {
            LOG.info("audit devices on this node: {}", next.stream().map(d -> d.device().path()).toList());
        }
        return current.open();
    }

    private static Open open(AuditDevice device) {
        Hasher hasher = new Hasher(device.salt());
        try {
            DeviceOptions options = DeviceOptions.parse(device.options());
            return new Open(device, options, hasher, AuditSink.of(options));
        } catch (ApiException e) {
            LOG.error("audit device {} has invalid options and cannot record: {}", device.path(), e.getMessage());
            return new Open(device, null, hasher, AuditSink.discard());
        }
    }

    /** The paths of the devices open on this node. */
    List<String> paths() {
        return devices().stream().map(d -> d.device().path()).toList();
    }
}
