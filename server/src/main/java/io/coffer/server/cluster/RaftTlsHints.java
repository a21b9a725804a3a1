package io.coffer.server.cluster;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * Says in plain words why this node cannot replicate to a peer it dials when the peer refused this node's
 * certificate. With TLS 1.3 the dialling side learns of that refusal only after its own handshake finished, so
 * neither {@link PeerTrustManager} nor {@link HandshakeObserver} sees it; Ratis logs it as "Failed appendEntries:
 * UNAVAILABLE: io exception" with the TLS alert buried in the cause. This logback turbo filter reads Ratis's
 * warnings as they are logged (it never changes or drops them) and adds one throttled line naming the peer and what
 * its alert means. It recognises Ratis 3.2's wording; if that changes, the hint is simply not given.
 */
final class RaftTlsHints extends TurboFilter {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(RaftTlsHints.class);
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    /** Ratis names the log appender of a follower {@code <leader>@group-<id>-><peer>-AppendLogResponseHandler}. */
    private static final Pattern PEER = Pattern.compile(
            "->(\\S+?)-(?:AppendLogResponseHandler|GrpcLogAppender|InstallSnapshotResponseHandler)");

    private final LogThrottle throttle = new LogThrottle(Clock.systemUTC(), Duration.ofSeconds(60));

    /** Adds the filter to logback once per JVM; does nothing when another slf4j binding is in use. */
    static void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && INSTALLED.compareAndSet(false, true)) {
            RaftTlsHints hints = new RaftTlsHints();
            hints.setName("coffer-raft-tls-hints");
            hints.start();
            context.addTurboFilter(hints);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        if (format != null && level != null && level.isGreaterOrEqual(Level.WARN)
                && logger.getName().startsWith("org.apache.ratis")) {
            try {
                hint(text(format, params, t)).ifPresent(this::log);
            } catch (RuntimeException e) {
                // a hint must never break Ratis's own logging
            }
        }
        return FilterReply.NEUTRAL;
    }

    /** The hint for one Ratis warning, if it is about a peer refusing this node's certificate. Pure. */
    static Optional<String> hint(String text) {
        Matcher peer = PEER.matcher(text);
        if (!peer.find() || text.contains("refused cluster peer certificate")) {
            return Optional.empty();
        }
        String id = peer.group(1);
        Optional<String> alert = HandshakeFailures.alert(text).filter(HandshakeFailures::aboutCertificates);
        return alert.map(a -> "TLS handshake with cluster peer " + id + " fails: the peer refused this node's "
                + "certificate (TLS alert: " + a + HandshakeFailures.meaning(a) + "), so this node cannot replicate "
                + "to it; the peer's log names the reason. Check that both certificates carry serverAuth and "
                + "clientAuth and are signed by the same CA");
    }

    private void log(String hint) {
        long held = throttle.admit(hint);
        if (held >= 0) {
            LOG.warn("{}{}", hint, throttle.suffix(held));
        }
    }

    private static String text(String format, Object[] params, Throwable t) {
        StringBuilder out = new StringBuilder(MessageFormatter.arrayFormat(format, params).getMessage());
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            out.append('\n').append(c);
        }
        return out.toString();
    }
}
