/**
 * Audit devices (vault-api.md §8): the replicated device table ({@link io.coffer.api.audit.AuditTable}, stored
 * barrier-encrypted with each device's HMAC key), this node's open sinks ({@link io.coffer.api.audit.AuditBroker}),
 * the record format ({@link io.coffer.api.audit.RecordBuilder}, hashed per device by
 * {@link io.coffer.api.audit.Redactor}), fail-closed auditing ({@link io.coffer.api.audit.AuditObserver}) and the
 * {@code sys/audit*} endpoints.
 *
 * <p>Order per request: the router calls the observer after the seal gate and token lookup; the request record is
 * written before anything is served, the response record after. Unauthenticated raw endpoints (init, seal-status,
 * unseal, health, leader, unauthenticated {@code sys/metrics}) are served before the observers and are not audited.
 *
 * <p>Deliberate differences from Vault: only the {@code file} type (path, {@code stdout}, {@code discard}) and the
 * {@code json} format exist; {@code policy_results} is not written (the ACL decision is taken after the request
 * record); a file that was moved away or replaced is reopened at its path before the next write (Vault needs a
 * SIGHUP), so rotation needs no signal and a path that became unusable fails instead of feeding an unlinked file.
 */
package io.coffer.api.audit;
