package io.coffer.server.tls;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a node certificate should say: {@code CN=hostname}, subjectAltName {@code DNS:hostname} (or {@code IP:} when
 * the hostname is an IP literal) then each of {@code dnsNames} and {@code ips}, the extended key usages (none at all
 * when {@code ekus} is empty, for negative tests), the key type and the validity window. A null {@code notBefore}
 * means "now, minus a few minutes of allowance for clock skew between nodes".
 */
public record LeafSpec(String hostname, List<String> dnsNames, List<String> ips, Set<Eku> ekus, KeyType keyType,
                       Instant notBefore, Duration validity) {

    /** The guide's node certificate lifetime ({@code -days 365}). */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);

    public LeafSpec {
        Objects.requireNonNull(hostname, "hostname");
        if (hostname.isBlank()) {
            throw new IllegalArgumentException("hostname must not be blank");
        }
        dnsNames = List.copyOf(dnsNames);
        ips = List.copyOf(ips);
        ekus = ekus.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(ekus));
        Objects.requireNonNull(keyType, "keyType");
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive, got " + validity);
        }
    }

    /** An RSA 2048 certificate for {@code hostname} with serverAuth and clientAuth, valid for a year from now. */
    public static LeafSpec forHost(String hostname) {
        return new LeafSpec(hostname, List.of(), List.of(), EnumSet.allOf(Eku.class), KeyType.RSA, null,
                DEFAULT_VALIDITY);
    }

    public LeafSpec withDnsNames(List<String> names) {
        return new LeafSpec(hostname, names, ips, ekus, keyType, notBefore, validity);
    }

    public LeafSpec withIps(List<String> addresses) {
        return new LeafSpec(hostname, dnsNames, addresses, ekus, keyType, notBefore, validity);
    }

    public LeafSpec withEkus(Set<Eku> usages) {
        return new LeafSpec(hostname, dnsNames, ips, usages, keyType, notBefore, validity);
    }

    public LeafSpec withKeyType(KeyType type) {
        return new LeafSpec(hostname, dnsNames, ips, ekus, type, notBefore, validity);
    }

    /** Valid from {@code start} exactly, e.g. in the past to make an expired certificate. */
    public LeafSpec validFrom(Instant start) {
        return new LeafSpec(hostname, dnsNames, ips, ekus, keyType, start, validity);
    }

    public LeafSpec withValidity(Duration lifetime) {
        return new LeafSpec(hostname, dnsNames, ips, ekus, keyType, notBefore, lifetime);
    }
}
