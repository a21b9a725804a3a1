package io.coffer.storage;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.SetConfigurationRequest;
import org.apache.ratis.server.RaftConfiguration;
import org.apache.ratis.server.RaftServer;

/**
 * Membership and leadership changes through the Ratis admin API. Each call uses a short-lived client built from
 * this node's current view of the configuration (Ratis redirects it to the leader) and runs on the admin executor,
 * because the Ratis admin calls block. Every returned future is bounded.
 */
final class MembershipAdmin {

    /** Adding a voter waits for it to catch up with the leader's log. */
    private static final Duration ADD_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration OTHER_TIMEOUT = Duration.ofSeconds(20);

    private final RaftGroupId groupId;
    private final RaftServer.Division division;
    private final Parameters parameters;
    private final Executor executor;

    MembershipAdmin(RaftGroupId groupId, RaftServer.Division division, Parameters parameters, Executor executor) {
        this.groupId = groupId;
        this.division = division;
        this.parameters = parameters;
        this.executor = executor;
    }

    /** Adds {@code id} at {@code address} as a voter; completes once the new configuration is committed. */
    CompletableFuture<Void> addPeer(String id, String address) {
        RaftPeer peer = RatisConfig.peer(id, address);
        return call(ADD_TIMEOUT, "add peer " + id, client -> client.admin().setConfiguration(
                SetConfigurationRequest.Arguments.newBuilder().setServersInNewConf(List.of(peer))
                        .setMode(SetConfigurationRequest.Mode.ADD).build()));
    }

    /** Removes {@code id}, provided the configuration did not change since this node last saw it. */
    CompletableFuture<Void> removePeer(String id) {
        RaftConfiguration conf = division.getRaftConf();
        List<RaftPeer> voters = new ArrayList<>(conf.getCurrentPeers());
        List<RaftPeer> listeners = new ArrayList<>(conf.getCurrentPeers(RaftPeerRole.LISTENER));
        List<RaftPeer> newVoters = without(voters, id);
        List<RaftPeer> newListeners = without(listeners, id);
        if (newVoters.size() == voters.size() && newListeners.size() == listeners.size()) {
            return CompletableFuture.failedFuture(new StorageException("no peer with id " + id));
        }
        return call(OTHER_TIMEOUT, "remove peer " + id, client -> client.admin().setConfiguration(
                SetConfigurationRequest.Arguments.newBuilder()
                        .setServersInCurrentConf(voters).setListenersInCurrentConf(listeners)
                        .setServersInNewConf(newVoters).setListenersInNewConf(newListeners)
                        .setMode(SetConfigurationRequest.Mode.COMPARE_AND_SET).build()));
    }

    /** Moves leadership to {@code toId}, or makes the leader step down when null. */
    CompletableFuture<Void> transferLeadership(String toId) {
        RaftPeerId target = toId == null ? null : RaftPeerId.valueOf(toId);
        long timeoutMs = OTHER_TIMEOUT.toMillis() / 2;
        return call(OTHER_TIMEOUT, "transfer leadership",
                client -> client.admin().transferLeadership(target, timeoutMs));
    }

    private interface AdminCall {
        RaftClientReply apply(RaftClient client) throws IOException;
    }

    private CompletableFuture<Void> call(Duration timeout, String what, AdminCall call) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        executor.execute(() -> {
            try (RaftClient client = newClient(timeout)) {
                RaftClientReply reply = call.apply(client);
                if (reply.isSuccess()) {
                    result.complete(null);
                } else {
                    result.completeExceptionally(new StorageException(what + " failed", reply.getException()));
                }
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(new StorageException(what + " failed", e));
            }
        });
        return result.orTimeout(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(GroupCommitter.storageException(e)));
    }

    private RaftClient newClient(Duration timeout) {
        Collection<RaftPeer> peers = new ArrayList<>(division.getRaftConf().getCurrentPeers());
        if (peers.stream().noneMatch(p -> p.getId().equals(division.getId()))) {
            peers.add(division.getPeer());
        }
        RaftClient.Builder builder = RaftClient.newBuilder()
                .setProperties(RatisConfig.adminClientProperties(timeout)).setParameters(parameters)
                .setRaftGroup(RaftGroup.valueOf(groupId, peers)).setRetryPolicy(RatisConfig.adminRetryPolicy());
        RaftPeerId leader = division.getInfo().getLeaderId();
        if (leader != null) {
            builder.setLeaderId(leader);
        }
        return builder.build();
    }

    private static List<RaftPeer> without(List<RaftPeer> peers, String id) {
        return peers.stream().filter(p -> !p.getId().toString().equals(id)).toList();
    }
}
