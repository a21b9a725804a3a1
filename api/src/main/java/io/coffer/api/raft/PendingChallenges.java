package io.coffer.api.raft;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.api.ApiException;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.store.LogicalStorage;
import io.coffer.seal.SealedBlob;
import io.coffer.storage.Condition;
import io.coffer.storage.Entry;
import io.coffer.storage.Txn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The leader's table of raft join challenges in flight (Vault's {@code pendingRaftPeers}), kept barrier-encrypted in
 * replicated storage rather than in one node's memory: any unsealed node can hand out a challenge and check its
 * answer, and a leader change between the two steps loses nothing. Entries expire after {@link #TTL}; at most
 * {@link #MAX_PENDING} live entries exist, beyond which a new server id gets Vault's 429. Writes are conditional on
 * the revision read, so two nodes racing for one server id agree on one answer. Called on API worker threads.
 */
final class PendingChallenges {

    static final int ANSWER_BYTES = 16;
    static final int MAX_PENDING = 32;
    static final Duration TTL = Duration.ofMinutes(30);
    private static final int ATTEMPTS = 3;

    private final LogicalStorage table;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** {@code table} is a barrier view dedicated to the challenges (e.g. rooted at {@code core/raft/challenges/}). */
    PendingChallenges(LogicalStorage table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    /** One pending join: the expected answer, the challenge (answer sealed under the unseal key), creation time. */
    record Pending(byte[] answer, byte[] challenge, long createdMillis) {
    }

    /** The live challenge for {@code serverId}, creating one sealed under {@code unsealKey} when there is none. */
    Pending challenge(String serverId, byte[] unsealKey) {
        String key = key(serverId);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Entry> existing = table.get(key);
            Optional<Pending> live = existing.map(PendingChallenges::decode).filter(this::live);
            if (live.isPresent()) {
                return live.get();
            }
            Txn.Builder txn = Txn.builder().require(existing.map(Condition::at).orElse(Condition.absent(key)));
            if (liveOthers(key, txn) >= MAX_PENDING) {
                throw tooMany();
            }
            byte[] answer = new byte[ANSWER_BYTES];
            random.nextBytes(answer);
            Pending pending = new Pending(answer, SealedBlob.seal(unsealKey, answer), clock.millis());
            if (table.txn(txn.put(key, encode(pending)).build()).succeeded()) {
                return pending;
            }
        }
        throw ApiException.of(503, "raft challenges changed concurrently; try again");
    }

    /** Removes and returns the live entry for {@code serverId}; empty when there is none (or another took it). */
    Optional<Pending> take(String serverId) {
        Optional<Entry> existing = table.get(key(serverId));
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        Pending pending = decode(existing.get());
        Txn remove = Txn.builder().require(Condition.at(existing.get())).delete(key(serverId)).build();
        if (!table.txn(remove).succeeded()) {
            return Optional.empty();
        }
        return live(pending) ? Optional.of(pending) : Optional.empty();
    }

    /** Counts live entries other than {@code own}; adds deletes of expired ones to {@code txn}. */
    private int liveOthers(String own, Txn.Builder txn) {
        List<String> expired = new ArrayList<>();
        int live = 0;
        for (String key : table.keys("")) {
            if (key.equals(own)) {
                continue;
            }
            Optional<Pending> pending = table.get(key).map(PendingChallenges::decode);
            if (pending.isPresent() && live(pending.get())) {
                live++;
            } else {
                expired.add(key);
            }
        }
        expired.forEach(txn::delete);
        return live;
    }

    private boolean live(Pending pending) {
        return clock.millis() - pending.createdMillis() < TTL.toMillis();
    }

    private static ApiException tooMany() {
        var data = Json.object().put("error", "too many raft challenges in flight");
        return ApiException.withResponse(ApiResponse.envelope(data).status(429).mountType("system").build());
    }

    /** Server ids are operator-chosen text: encode them so they form exactly one storage key segment. */
    private static String key(String serverId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(serverId.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] encode(Pending pending) {
        Base64.Encoder b64 = Base64.getEncoder();
        return Json.bytes(Json.object().put("answer", b64.encodeToString(pending.answer()))
                .put("challenge", b64.encodeToString(pending.challenge()))
                .put("created", pending.createdMillis()));
    }

    private static Pending decode(Entry entry) {
        try {
            JsonNode node = Json.parse(entry.value());
            Base64.Decoder b64 = Base64.getDecoder();
            return new Pending(b64.decode(node.path("answer").asText()), b64.decode(node.path("challenge").asText()),
                    node.path("created").asLong());
        } catch (IOException | IllegalArgumentException e) {
            // An unreadable entry counts as expired: created at the epoch.
            return new Pending(new byte[0], new byte[0], 0);
        }
    }
}
