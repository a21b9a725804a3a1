package io.coffer.api.core;

/** Physical storage keys of the system (not of mounts). Only the first two are stored in clear. */
public final class StoragePaths {

    /** Seal configuration, in clear (a sealed node must show t/n). */
    public static final String SEAL_CONFIG = "core/seal-config";
    /** The root key sealed under the unseal key. */
    public static final String SEALED_ROOT_KEY = "core/hsm/barrier-unseal-keys";
    /** The keyring, encrypted under the root key. */
    public static final String KEYRING = "core/keyring";
    /** Cluster name and id (barrier-encrypted). */
    public static final String CLUSTER_INFO = "core/cluster-info";
    /** The mount table (barrier-encrypted). */
    public static final String MOUNTS = "core/mounts";
    /** Mount data lives below {@code logical/<uuid>/}. */
    public static final String LOGICAL = "logical/";
    /** System data (tokens, policies, audit devices) lives below {@code sys/}. */
    public static final String SYS = "sys/";

    private StoragePaths() {
    }
}
