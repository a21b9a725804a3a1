package io.coffer.api.policystore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Vault's root-protected (sudo) paths, matched as its router does: longest listed prefix decides. */
class RootPathsTest {

    @Test
    void listedPathsAndPrefixesAreProtected() {
        assertThat(RootPaths.isProtected("sys/seal")).isTrue();
        assertThat(RootPaths.isProtected("sys/step-down")).isTrue();
        assertThat(RootPaths.isProtected("sys/rotate")).isTrue();
        assertThat(RootPaths.isProtected("sys/audit")).isTrue();
        assertThat(RootPaths.isProtected("sys/audit/file")).isTrue();
        assertThat(RootPaths.isProtected("sys/raw/core/keyring")).isTrue();
        assertThat(RootPaths.isProtected("sys/auth/userpass")).isTrue();
        assertThat(RootPaths.isProtected("auth/token/accessors/")).isTrue();
        assertThat(RootPaths.isProtected("sys/leases")).isTrue();
        assertThat(RootPaths.isProtected("sys/leases/lookup/x/")).isTrue();
    }

    @Test
    void exactEntriesDoNotCoverLongerPaths() {
        assertThat(RootPaths.isProtected("sys/seal-status")).isFalse();
        assertThat(RootPaths.isProtected("sys/audit-hash/file")).isFalse();
        assertThat(RootPaths.isProtected("sys/leases/renew")).isFalse();
        assertThat(RootPaths.isProtected("sys/rotate/config")).isFalse();
    }

    @Test
    void ordinaryPathsAreNotProtected() {
        assertThat(RootPaths.isProtected("sys/policies/acl/admin")).isFalse();
        assertThat(RootPaths.isProtected("sys/mounts/secret")).isFalse();
        assertThat(RootPaths.isProtected("sys/storage/raft/snapshot")).isFalse();
        assertThat(RootPaths.isProtected("auth/token/create")).isFalse();
        assertThat(RootPaths.isProtected("auth/token/revoke-orphan")).isFalse();
        assertThat(RootPaths.isProtected("secret/data/app")).isFalse();
    }
}
