package io.coffer.server.config;

import java.util.Set;

/**
 * Vault keys that Coffer accepts silently without acting on them, per block. Keys neither read nor listed here
 * produce an "unknown key" warning, never an error, so a Vault config always loads.
 */
final class KnownKeys {
    static final Set<String> TOP_LEVEL = Set.of(
            "disable_cache", "cache_size", "disable_printable_check", "plugin_directory", "plugin_file_uid",
            "plugin_file_permissions", "plugin_tmpdir", "introspection_endpoint", "raw_storage_endpoint",
            "enable_raw_endpoint", "cluster_cipher_suites", "disable_performance_standby", "disable_sealwrap",
            "disable_indexing", "disable_sentinel_trace", "log_requests_level", "license_path", "log_format",
            "log_file", "log_rotate_duration", "log_rotate_bytes", "log_rotate_max_files", "pid_file",
            "experiments", "user_lockout", "entropy", "cloud", "imprecise_lease_role_tracking",
            "enable_post_unseal_trace", "post_unseal_trace_directory", "administrative_namespace_path",
            "detect_deadlocks", "disable_clustering", "request_limiter", "unsafe_allow_api_audit_creation",
            "allow_audit_log_prefixing", "enable_multiseal", "reporting", "replication", "sentinel");

    static final Set<String> LISTENER = Set.of(
            "type", "purpose", "role", "tls_cipher_suites", "tls_prefer_server_cipher_suites", "tls_curve_preferences",
            "require_request_header", "profiling", "inflight_requests_logging", "cors_enabled",
            "cors_allowed_origins", "cors_allowed_headers", "custom_response_headers", "chroot_namespace",
            "redact_addresses", "redact_cluster_name", "redact_version", "disable_replication_status_endpoints",
            "disable_request_limiter", "max_json_depth", "max_json_string_value_length",
            "max_json_object_entry_count", "max_json_array_element_count", "max_json_token",
            "max_token_header_size", "x_forwarded_for_client_cert_header",
            "x_forwarded_for_client_cert_header_decoders", "socket_mode", "socket_user", "socket_group",
            "agent_api", "proxy_api");

    static final Set<String> RAFT = Set.of(
            "retry_join_as_non_voter", "max_batch_entries", "max_batch_size", "autopilot_upgrade_version",
            "autopilot_redundancy_zone", "raft_wal", "raft_log_verifier_enabled", "raft_log_verification_interval",
            "max_mount_and_namespace_table_entry_size", "snapshot_delay", "disable_clustering");

    static final Set<String> TELEMETRY = Set.of(
            "statsite_address", "statsd_address", "circonus_api_token", "circonus_api_app", "circonus_api_url",
            "circonus_submission_interval", "circonus_submission_url", "circonus_check_id",
            "circonus_check_force_metric_activation", "circonus_check_instance_id", "circonus_check_search_tag",
            "circonus_check_tags", "circonus_check_display_name", "circonus_broker_id", "circonus_broker_select_tag",
            "dogstatsd_addr", "dogstatsd_tags", "stackdriver_project_id", "stackdriver_location",
            "stackdriver_namespace", "stackdriver_debug_logs", "lease_metrics_epsilon", "num_lease_metrics_buckets",
            "add_lease_metrics_namespace_labels", "opentelemetry_disable");

    private KnownKeys() {
    }
}
