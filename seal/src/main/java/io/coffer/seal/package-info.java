/**
 * Coffer's seal: Shamir secret sharing, the seal configuration, the key hierarchy (shares &rarr; unseal key &rarr;
 * root key &rarr; keyring) and the barrier cipher that encrypts every storage value.
 *
 * <p>Everything here is pure code: no I/O, no clock reads (callers pass {@link java.time.Instant}s in), and all
 * randomness comes from {@link java.security.SecureRandom}. Every failure is a {@link io.coffer.seal.SealException}
 * whose message is safe to return to a client. Byte arrays passed in are copied where kept and byte arrays
 * returned are fresh copies, so callers may zero their own buffers.
 */
package io.coffer.seal;
