/**
 * Telemetry of one node and {@code sys/metrics} (vault-api.md §9).
 *
 * <p>Keys follow go-metrics as Vault configures it: prefix {@code vault}; gauges get the host name after the prefix
 * unless {@code telemetry.disable_hostname = true} ({@code vault_myhost_core_unsealed}); Prometheus names join
 * with {@code _}, keep case and have no {@code _total}; timers are summaries in milliseconds (quantiles 0.5, 0.9,
 * 0.99 over a 10 s window, plus {@code _sum} and {@code _count}). {@code ?format=prometheus} exists only with a
 * {@code telemetry} stanza ({@code ApiOptions.prometheusEnabled}); the JSON dump always works.
 *
 * <h2>Names</h2>
 * <table>
 * <caption>Metrics Coffer emits; "Vault" = same name and meaning as Vault, "Coffer" = not in Vault</caption>
 * <tr><th>Prometheus name</th><th>Type</th><th>Origin</th><th>Meaning in Coffer</th></tr>
 * <tr><td>{@code vault_core_unsealed{cluster}}</td><td>gauge</td><td>Vault</td>
 *     <td>1 unsealed, 0 sealed or uninitialised; on every node, sealed ones included, computed at scrape</td></tr>
 * <tr><td>{@code vault_core_active{cluster}}</td><td>gauge</td><td>Vault</td>
 *     <td>1 on the active node (unsealed Raft leader), else 0</td></tr>
 * <tr><td>{@code vault_core_performance_standby{cluster}}</td><td>gauge</td><td>Vault</td>
 *     <td>always 0 (Enterprise feature)</td></tr>
 * <tr><td>{@code vault_raft_peers}</td><td>gauge</td><td>Vault</td>
 *     <td>servers in the Raft configuration; on the Raft leader only, as Vault</td></tr>
 * <tr><td>{@code vault_autopilot_healthy}</td><td>gauge</td><td>Vault</td>
 *     <td>on the active node only; 1 while it is active. Coffer has no per-follower health yet, so a dead
 *     follower does not turn it to 0 (approximation)</td></tr>
 * <tr><td>{@code vault_autopilot_failure_tolerance}</td><td>gauge</td><td>Vault</td>
 *     <td>on the active node: (voters - 1) / 2, assuming every voter healthy (approximation)</td></tr>
 * <tr><td>{@code vault_raft_leader}</td><td>gauge</td><td>Coffer</td>
 *     <td>1 when this node knows a current Raft leader (any node, sealed ones included), else 0. Quoted by
 *     guides, absent from Vault (whose {@code vault_raft_state_leader} is a counter)</td></tr>
 * <tr><td>{@code vault_raft_state_leader}, {@code vault_raft_state_follower}</td><td>counter</td><td>Vault</td>
 *     <td>times this node became leader / follower, counted from leadership events since the metrics attached to
 *     the node's storage (the first event is the state at that moment). {@code vault_raft_state_candidate} is not
 *     emitted: Ratis does not report candidacy</td></tr>
 * <tr><td>{@code vault_raft_apply}</td><td>counter</td><td>Vault</td>
 *     <td>storage transactions this node committed through Raft (Vault: commands applied by the leader)</td></tr>
 * <tr><td>{@code vault_core_handle_request}, {@code vault_core_handle_login_request}</td><td>summary</td>
 *     <td>Vault</td><td>time to serve a routed request, audit included (logins: {@code auth/<mount>/login})</td></tr>
 * <tr><td>{@code vault_barrier_get}, {@code _put}, {@code _list}, {@code _delete}</td><td>summary</td>
 *     <td>Vault</td><td>time of encrypted-storage operations (a write transaction is one {@code put})</td></tr>
 * <tr><td>{@code vault_audit_log_request}, {@code vault_audit_log_response}</td><td>summary</td><td>Vault</td>
 *     <td>time to write one record to every device</td></tr>
 * <tr><td>{@code vault_audit_log_request_failure}, {@code vault_audit_log_response_failure}</td>
 *     <td>counter</td><td>Vault</td><td>records no device could write (incremented by 0 on success, as
 *     Vault)</td></tr>
 * </table>
 *
 * <p>Not emitted although Vault has them: {@code vault_core_in_flight_requests} and the other
 * {@code vault_core_*} timers (check_token, unseal, seal_internal, step_down, post_unseal, pre_seal,
 * leadership_*), {@code vault_raft_leader_lastContact}, {@code vault_raft_commitTime},
 * {@code vault_raft_fsm_apply}, {@code vault_raft_storage_*}, {@code vault_token_count*},
 * {@code vault_secret_kv_count}, {@code vault_expire_num_leases}, {@code vault_runtime_*} (Go runtime; no JVM
 * equivalents yet). Names from blogs that Vault lacks ({@code vault_core_standby}, {@code vault_raft_num_peers},
 * {@code *_total}) are not emitted either; {@code vault_raft_leader} is the one such name Coffer adds.
 *
 * <p>The JSON dump ({@code sys/metrics} without format) is go-metrics' in-memory sink: 10 s intervals, the last
 * finished interval shown, names dotted ({@code vault.core.unsealed}), gauges computed at scrape time.
 */
package io.coffer.api.metrics;
