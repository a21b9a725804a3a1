package io.coffer.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Host coverage follows Go's crypto/x509 and Java's HostnameChecker, never the CN. */
class HostMatcherTest {

    private static final List<String> SANS = List.of("DNS:node1.example.com", "DNS:*.nodes.example.com",
            "IP:10.0.0.1", "IP:0:0:0:0:0:0:0:1", "DNS:10.0.0.9");

    @Test
    void exactNamesMatchCaseInsensitivelyIgnoringTrailingDot() {
        assertThat(HostMatcher.covers(SANS, "node1.example.com")).isTrue();
        assertThat(HostMatcher.covers(SANS, "NODE1.Example.COM.")).isTrue();
        assertThat(HostMatcher.covers(SANS, "node2.example.com")).isFalse();
    }

    @Test
    void wildcardStandsForExactlyOneLeftmostLabel() {
        assertThat(HostMatcher.covers(SANS, "a.nodes.example.com")).isTrue();
        assertThat(HostMatcher.covers(SANS, "nodes.example.com")).isFalse();
        assertThat(HostMatcher.covers(SANS, "a.b.nodes.example.com")).isFalse();
        assertThat(HostMatcher.dnsMatches("a*.example.com", "ab.example.com")).isFalse();
        assertThat(HostMatcher.dnsMatches("*.*.example.com", "a.b.example.com")).isFalse();
    }

    @Test
    void ipAddressesMatchOnlyIpEntriesByValue() {
        assertThat(HostMatcher.covers(SANS, "10.0.0.1")).isTrue();
        assertThat(HostMatcher.covers(SANS, "::1")).isTrue();
        assertThat(HostMatcher.covers(SANS, "[0::1]")).isTrue();
        assertThat(HostMatcher.covers(SANS, "::ffff:10.0.0.1")).isTrue();
        assertThat(HostMatcher.covers(SANS, "10.0.0.9")).as("listed only as DNS:").isFalse();
        assertThat(HostMatcher.covers(SANS, "10.0.0.2")).isFalse();
    }
}
