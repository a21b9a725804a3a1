package io.coffer.seal;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One node's unseal-progress state machine ({@code sys/unseal}, {@code sys/seal-status}).
 *
 * <p>An attempt starts with the first share, which also creates the attempt's nonce (a random UUID). Each new
 * distinct share raises {@link #progress()}; a share equal to one already in the attempt is ignored. The share
 * that reaches the threshold ends the attempt whatever happens next: the shares are combined, the attempt is reset
 * (progress 0, nonce ""), and the candidate unseal key is returned. Whether it is the right key is for
 * {@link KeyHierarchy#unlock} to decide. Held shares are zeroed when an attempt ends.
 *
 * <p>Thread-safe: every method is {@code synchronized}; shares submitted concurrently are counted one by one.
 */
public final class Unsealer {

    private final SealConfig config;
    private final List<byte[]> shares = new ArrayList<>();
    private String nonce = "";

    /**
     * @param config the seal configuration of the cluster being unsealed; validated here
     * @throws SealException "invalid seal configuration: ..." if the config is invalid
     */
    public Unsealer(SealConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        config.validate();
    }

    /**
     * Adds a share (already decoded, see {@link ShareCodec#decode}) to the current attempt.
     *
     * @param share a key share; copied
     * @return the candidate unseal key when this share reaches the threshold (for threshold 1, the share itself),
     *         otherwise empty
     * @throws SealException from {@link Shamir#combine} (e.g. "duplicate part detected", "all parts must be the
     *                       same length"); the attempt is reset in that case too
     */
    public synchronized Optional<byte[]> submit(byte[] share) {
        Objects.requireNonNull(share, "share");
        if (nonce.isEmpty()) {
            nonce = UUID.randomUUID().toString();
        }
        for (byte[] held : shares) {
            if (MessageDigest.isEqual(held, share)) {
                return Optional.empty();
            }
        }
        shares.add(share.clone());
        if (shares.size() < config.secretThreshold()) {
            return Optional.empty();
        }
        try {
            return Optional.of(shares.size() == 1 ? shares.get(0).clone() : Shamir.combine(shares));
        } finally {
            reset();
        }
    }

    /** @return number of distinct shares in the current attempt, 0 when none is in progress */
    public synchronized int progress() {
        return shares.size();
    }

    /** @return the current attempt's UUID, or "" when no attempt is in progress */
    public synchronized String nonce() {
        return nonce;
    }

    /** Discards the current attempt (Vault's {@code reset:true}): zeroes held shares, progress 0, nonce "". */
    public synchronized void reset() {
        for (byte[] held : shares) {
            Arrays.fill(held, (byte) 0);
        }
        shares.clear();
        nonce = "";
    }

    /** @return the seal configuration this unsealer counts against */
    public SealConfig config() {
        return config;
    }

    @Override
    public synchronized String toString() {
        return "Unsealer[progress=" + shares.size() + "/" + config.secretThreshold() + "]";
    }
}
