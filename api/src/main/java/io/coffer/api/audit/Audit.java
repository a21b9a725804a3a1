package io.coffer.api.audit;

import io.coffer.api.core.SealManager;
import io.coffer.api.metrics.MetricSink;
import io.coffer.api.mount.MountTable;
import io.coffer.api.router.RequestObserver;
import io.coffer.api.router.Routes;
import io.coffer.api.store.LogicalStorage;
import io.coffer.seal.Barrier;
import java.time.Clock;
import java.util.Optional;

/**
 * Wires the audit devices of one node: the replicated table, this node's open sinks, the endpoints and the
 * request observer. {@link io.coffer.api.ApiNode} registers {@link #register the endpoints}, adds
 * {@link #observer()} to the router and {@link #sealListener()} to the seal.
 */
public final class Audit {

    private final AuditBroker broker;
    private final AuditEndpoints endpoints;
    private final AuditObserver observer;

    /** {@code root} is the barrier view with an empty prefix; {@code mounts} names the mount of each request. */
    public Audit(LogicalStorage root, MountTable mounts, MetricSink metrics, Clock clock) {
        AuditTable table = new AuditTable(root);
        RecordBuilder records = new RecordBuilder(clock, path -> mountOf(mounts, path));
        this.broker = new AuditBroker(table, metrics);
        this.endpoints = new AuditEndpoints(table, broker, records);
        this.observer = new AuditObserver(broker, records);
    }

    public void register(Routes authenticated) {
        endpoints.register(authenticated);
    }

    public RequestObserver observer() {
        return observer;
    }

    /** Closes this node's audit files when it seals; they are reopened from the table after unseal. */
    public SealManager.SealListener sealListener() {
        return new SealManager.SealListener() {
            @Override
            public void onUnseal(Barrier barrier) {
                // devices are opened lazily by the first audited request
            }

            @Override
            public void onSeal() {
                broker.closeAll();
            }
        };
    }

    private static Optional<MountRef> mountOf(MountTable mounts, String path) {
        if (path.equals("auth/token") || path.startsWith("auth/token/")) {
            return Optional.of(new MountRef("auth/token/", "token", null, "auth"));
        }
        return mounts.match(path).map(m -> new MountRef(m.path(), m.type(), m.accessor(), "secret"));
    }
}
