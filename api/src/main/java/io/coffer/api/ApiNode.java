package io.coffer.api;

import io.coffer.api.audit.Audit;
import io.coffer.api.auth.Authorizer;
import io.coffer.api.auth.TokenEndpoints;
import io.coffer.api.auth.TokenStore;
import io.coffer.api.core.BarrierStorage;
import io.coffer.api.core.ClusterInfo;
import io.coffer.api.core.HaState;
import io.coffer.api.core.InitialState;
import io.coffer.api.core.NodeIdentity;
import io.coffer.api.core.SealManager;
import io.coffer.api.core.StorageHost;
import io.coffer.api.core.StoragePaths;
import io.coffer.api.kv.KvBackend;
import io.coffer.api.metrics.Metrics;
import io.coffer.api.metrics.NodeGauges;
import io.coffer.api.mount.MountEntry;
import io.coffer.api.mount.MountTable;
import io.coffer.api.policystore.CapabilitiesEndpoints;
import io.coffer.api.policystore.KvExistenceCheck;
import io.coffer.api.policystore.PolicyAuthorizer;
import io.coffer.api.policystore.PolicyEndpoints;
import io.coffer.api.policystore.PolicyStore;
import io.coffer.api.raft.LeaderClient;
import io.coffer.api.raft.RaftCluster;
import io.coffer.api.router.ApiRouter;
import io.coffer.api.router.Routes;
import io.coffer.api.snapshot.SnapshotService;
import io.coffer.api.store.LogicalStorage;
import io.coffer.api.sys.HealthEndpoints;
import io.coffer.api.sys.MountEndpoints;
import io.coffer.api.sys.SealEndpoints;
import io.coffer.api.sys.SealStatusView;
import io.coffer.api.sys.SystemEndpoints;
import io.coffer.api.sys.UiMountsEndpoint;
import io.coffer.seal.Barrier;
import io.coffer.seal.SealConfig;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Wires the API of one node: seal, storage views, mount table, tokens, endpoints and the router.
 * The server's composition root creates one and serves {@link #handler()} on every listener.
 */
public final class ApiNode {

    private final StorageHost host;
    private final SealManager seal;
    private final LogicalStorage root;
    private final MountTable mounts;
    private final TokenStore tokens;
    private final PolicyStore policies;
    private final HaState ha;
    private final RaftCluster raft;
    private final ApiOptions options;
    private final ApiRouter router;
    private volatile ClusterInfo clusterInfo;

    public ApiNode(StorageHost host, NodeIdentity self, Clock clock, ApiOptions options) {
        this(host, self, clock, options, LeaderClient.unavailable());
    }

    /** {@code leaderClient} reaches other nodes' API when this node joins a raft cluster. */
    public ApiNode(StorageHost host, NodeIdentity self, Clock clock, ApiOptions options, LeaderClient leaderClient) {
        this.host = host;
        this.options = options;
        this.seal = new SealManager(host, clock);
        Metrics metrics = new Metrics(options, clock, host::storage);
        this.root = metrics.timed(new BarrierStorage(host::storage, seal, ""));
        this.mounts = new MountTable(root);
        this.tokens = new TokenStore(root, clock);
        this.policies = new PolicyStore(root, PolicyStore.physicalRevisions(host::storage));
        this.ha = new HaState(host, seal, clock);
        this.raft = new RaftCluster(host, seal, root, self, options.hostname(), clock, leaderClient);
        seal.addListener(new SealManager.SealListener() {
            @Override
            public void onUnseal(Barrier barrier) {
                clusterInfo = ClusterInfo.load(root).orElse(null);
            }

            @Override
            public void onSeal() {
                tokens.forget();
                policies.forget();
            }
        });
        Authorizer authorizer = new PolicyAuthorizer(policies, new KvExistenceCheck(mounts, this::mountStorage));
        SealStatusView view = new SealStatusView(seal, this::cluster);
        Routes open = new Routes();
        new SealEndpoints(seal, view, this::initialState).register(open);
        new HealthEndpoints(seal, ha, self, this::cluster, raft::leader, clock).register(open);
        Routes authenticated = new Routes();
        raft.register(open, authenticated);
        new SystemEndpoints(seal, ha).register(authenticated);
        KvBackend kv = new KvBackend(this::mountStorage, clock);
        new MountEndpoints(mounts, m -> KvBackend.upgradeToV2(mountStorage(m), clock)).register(authenticated);
        new UiMountsEndpoint(mounts, authorizer).register(authenticated);
        new TokenEndpoints(tokens, authorizer, policies::exists, options.defaultLeaseTtl(), options.maxLeaseTtl())
                .register(authenticated);
        new PolicyEndpoints(policies).register(authenticated);
        new CapabilitiesEndpoints(tokens, authorizer).register(authenticated);
        Audit audit = new Audit(root, mounts, metrics.sink(), clock);
        audit.register(authenticated);
        seal.addListener(audit.sealListener());
        SnapshotService snapshots = new SnapshotService(host, seal, ha, raft::leader, root, clock, () -> {
            tokens.forget();
            policies.forget();
        });
        snapshots.register(authenticated);
        seal.addListener(snapshots.sealListener());
        metrics.register(open, authenticated, new NodeGauges(seal, ha, this::clusterName));
        this.router = new ApiRouter(open, authenticated, mounts, Map.of("kv", kv), seal, tokens, authorizer,
                host::storage);
        router.addObserver(metrics.requestObserver());
        router.addObserver(audit.observer());
    }

    public Handler handler() {
        return router;
    }

    /** The router, for adding request observers. */
    public ApiRouter router() {
        return router;
    }

    public ApiOptions options() {
        return options;
    }

    public SealManager seal() {
        return seal;
    }

    public MountTable mounts() {
        return mounts;
    }

    public HaState ha() {
        return ha;
    }

    public StorageHost storageHost() {
        return host;
    }

    /** Integrated storage: joining, peers, the node registry; the server starts and closes it. */
    public RaftCluster raft() {
        return raft;
    }

    /** The token store; the leader runs {@link TokenStore#purgeExpired} on it periodically. */
    public TokenStore tokens() {
        return tokens;
    }

    /** Initialises the cluster with {@code rootToken} as its root token (dev mode); returns the key shares. */
    public List<byte[]> initialize(SealConfig config, String rootToken) {
        return seal.initialize(config, initialState(rootToken));
    }

    private InitialState initialState(String rootToken) {
        ClusterInfo identity = ClusterInfo.generate(options.clusterName());
        InitialState mountsState = MountTable.defaults(List.of());
        InitialState tokenState = tokens.initialState(rootToken);
        InitialState policyState = policies.initialState();
        return (barrier, txn) -> {
            mountsState.contribute(barrier, txn);
            tokenState.contribute(barrier, txn);
            policyState.contribute(barrier, txn);
            identity.initialState().contribute(barrier, txn);
        };
    }

    private LogicalStorage mountStorage(MountEntry mount) {
        return root.sub(StoragePaths.LOGICAL + mount.uuid() + "/");
    }

    private Optional<ClusterInfo> cluster() {
        return Optional.ofNullable(clusterInfo);
    }

    private String clusterName() {
        return cluster().map(ClusterInfo::name).orElse(options.clusterName());
    }
}
