package io.coffer.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A refusing peer is redialled several times a second; its report is repeated at most once a minute. */
class LogThrottleTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void firstOccurrencePassesThenOnePerIntervalWithTheCountHeldBack() {
        LogThrottle throttle = new LogThrottle(clock, Duration.ofSeconds(60));
        assertThat(throttle.admit("a")).isZero();
        assertThat(throttle.admit("a")).isEqualTo(-1);
        assertThat(throttle.admit("a")).isEqualTo(-1);
        assertThat(throttle.admit("b")).isZero();
        now = now.plusSeconds(61);
        assertThat(throttle.admit("a")).isEqualTo(2);
        assertThat(throttle.suffix(2)).contains("2 more");
        assertThat(throttle.suffix(0)).isEmpty();
    }
}
