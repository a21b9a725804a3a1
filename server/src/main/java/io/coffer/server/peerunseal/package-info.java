/**
 * The cluster-port transport of {@code unseal_from_peers}: one gRPC method served beside Ratis' services behind the
 * port's mutual TLS, and its client; {@link io.coffer.server.peerunseal.PeerUnseal} wires both halves into a node.
 */
package io.coffer.server.peerunseal;
