/**
 * Coffer's opt-in {@code unseal_from_peers}: a restarted, sealed member gets the unseal key from the unsealed Raft
 * leader, encrypted to a per-request ephemeral X25519 key ({@link io.coffer.api.peerunseal.UnsealKeyEnvelope}), and
 * unseals itself. {@link io.coffer.api.peerunseal.PeerUnsealer} is the requester,
 * {@link io.coffer.api.peerunseal.PeerUnsealResponder} the leader's side; the transport (the mutual-TLS cluster
 * port, never the API port) is the server's. Security trade-off: docs/unseal-from-peers.md.
 */
package io.coffer.api.peerunseal;
