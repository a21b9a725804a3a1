package io.coffer.api.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every candidate leader for a bootstrap challenge at once; the first challenge wins (vault-api.md §3.3).
 * {@link #once} does one round for {@code retry:false}; {@link #start} repeats rounds every two seconds in the
 * background until one succeeds, the node no longer needs to join, or {@link #cancel} is called.
 */
final class JoinLoop {

    private static final Logger LOG = LoggerFactory.getLogger(JoinLoop.class);
    static final long INTERVAL_MILLIS = 2_000;
    private static final long ROUND_TIMEOUT_SECONDS = 30;

    private final BootstrapProtocol protocol;
    private final String serverId;
    private final List<JoinTarget> targets;
    private final ExecutorService callers;
    private ScheduledFuture<?> scheduled;
    private volatile boolean cancelled;

    JoinLoop(BootstrapProtocol protocol, String serverId, List<JoinTarget> targets, ExecutorService callers) {
        this.protocol = protocol;
        this.serverId = serverId;
        this.targets = List.copyOf(targets);
        this.callers = callers;
    }

    List<JoinTarget> targets() {
        return targets;
    }

    /** One round: the first challenge any target gives; JoinException with the last failure when none does. */
    BootstrapProtocol.Challenge once() {
        List<Callable<BootstrapProtocol.Challenge>> calls = new ArrayList<>();
        for (JoinTarget target : targets) {
            calls.add(() -> {
                try {
                    return protocol.challenge(target, serverId);
                } catch (JoinException e) {
                    LOG.warn("failed to get raft challenge from {}: {}", target.leaderApiAddr(), e.getMessage());
                    throw e;
                }
            });
        }
        try {
            return callers.invokeAny(calls, ROUND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof JoinException join ? join : new JoinException("failed to get raft challenge");
        } catch (TimeoutException e) {
            throw new JoinException("failed to get raft challenge: no leader answered within "
                    + ROUND_TIMEOUT_SECONDS + "s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JoinException("interrupted while joining");
        }
    }

    /**
     * Repeats {@link #once} every two seconds on {@code scheduler} while {@code needed} holds; hands the first
     * challenge to {@code onChallenge} and stops.
     */
    synchronized void start(ScheduledExecutorService scheduler, BooleanSupplier needed,
                            Consumer<BootstrapProtocol.Challenge> onChallenge) {
        scheduled = scheduler.scheduleWithFixedDelay(() -> {
            if (cancelled || !needed.getAsBoolean()) {
                cancel();
                return;
            }
            try {
                BootstrapProtocol.Challenge challenge = once();
                if (!cancelled) {
                    cancel();
                    LOG.info("got a raft challenge from {}; waiting for unseal keys to be supplied",
                            challenge.target().leaderApiAddr());
                    onChallenge.accept(challenge);
                }
            } catch (JoinException e) {
                LOG.warn("failed to retry join raft cluster; retry=2s: {}", e.getMessage());
            }
        }, 0, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    synchronized void cancel() {
        cancelled = true;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }
}
