package io.coffer.seal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * The barrier keyring: the root key plus the data-key terms (term number &rarr; 32-byte AES key and install time).
 *
 * <p>Immutable and thread-safe; {@link #rotate(Instant)} returns a new keyring. Invariants: the root key and every
 * term key are 32 bytes, terms are positive, and the active term is the highest term. Terms are never removed, so
 * values written under an old term stay readable. Key bytes never appear in {@link #toString()}.
 */
public final class Keyring {

    private static final byte FORMAT_VERSION = 1;

    private final byte[] rootKey;
    private final NavigableMap<Integer, Term> terms;

    /** One data key; {@code key} is never exposed outside the package. */
    private record Term(byte[] key, Instant installTime) {
    }

    private Keyring(byte[] rootKey, NavigableMap<Integer, Term> terms) {
        this.rootKey = rootKey;
        this.terms = Collections.unmodifiableNavigableMap(terms);
    }

    /**
     * @param rootKey 32-byte root key; copied
     * @param now     install time of term 1
     * @return a keyring whose only term, 1, holds a fresh random key
     * @throws SealException if the root key is not 32 bytes
     */
    public static Keyring create(byte[] rootKey, Instant now) {
        Gcm.checkKey(rootKey);
        Objects.requireNonNull(now, "now");
        NavigableMap<Integer, Term> terms = new TreeMap<>();
        terms.put(1, new Term(Gcm.randomBytes(Gcm.KEY_BYTES), now));
        return new Keyring(rootKey.clone(), terms);
    }

    /**
     * A one-term keyring whose term 1 key is {@code key}: the keyring {@link KeyHierarchy} uses to encrypt the
     * stored keyring under the root key.
     */
    static Keyring singleTerm(byte[] key) {
        Gcm.checkKey(key);
        NavigableMap<Integer, Term> terms = new TreeMap<>();
        terms.put(1, new Term(key.clone(), Instant.EPOCH));
        return new Keyring(key.clone(), terms);
    }

    /**
     * @param now install time of the new term
     * @return a new keyring with term {@code activeTerm() + 1}, holding a fresh random key, as the active term
     */
    public Keyring rotate(Instant now) {
        Objects.requireNonNull(now, "now");
        if (activeTerm() == Integer.MAX_VALUE) {
            throw new SealException("keyring term limit reached");
        }
        NavigableMap<Integer, Term> next = new TreeMap<>(terms);
        next.put(activeTerm() + 1, new Term(Gcm.randomBytes(Gcm.KEY_BYTES), now));
        return new Keyring(rootKey, next);
    }

    /** @return the term new values are encrypted with (the highest term) */
    public int activeTerm() {
        return terms.lastKey();
    }

    /** @return every term in the keyring, ascending */
    public SortedSet<Integer> terms() {
        return terms.navigableKeySet();
    }

    /**
     * @return when {@code term} was installed
     * @throws SealException if the keyring has no such term
     */
    public Instant installTime(int term) {
        return termOrThrow(term).installTime();
    }

    /** @return a copy of the 32-byte root key */
    public byte[] rootKey() {
        return rootKey.clone();
    }

    /** @return the key of {@code term}, or {@code null}; the array is shared, callers must not modify it */
    byte[] keyOrNull(int term) {
        Term t = terms.get(term);
        return t == null ? null : t.key();
    }

    private Term termOrThrow(int term) {
        Term t = terms.get(term);
        if (t == null) {
            throw new SealException("no key for term " + term);
        }
        return t;
    }

    /**
     * Versioned big-endian binary: {@code version(1) | rootKeyLen(4) rootKey | termCount(4) |
     * termCount × [term(4) epochSecond(8) nano(4) keyLen(4) key]}, terms ascending. Contains every key in clear:
     * persist only encrypted (see {@link KeyHierarchy#encryptKeyring}).
     */
    public byte[] encode() {
        int size = 1 + 4 + rootKey.length + 4 + terms.size() * (4 + 8 + 4 + 4 + Gcm.KEY_BYTES);
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(FORMAT_VERSION).putInt(rootKey.length).put(rootKey).putInt(terms.size());
        terms.forEach((term, t) -> out.putInt(term)
                .putLong(t.installTime().getEpochSecond()).putInt(t.installTime().getNano())
                .putInt(t.key().length).put(t.key()));
        return out.array();
    }

    /**
     * Parses bytes written by {@link #encode()}, checking every invariant.
     *
     * @throws SealException("invalid keyring encoding") if the bytes are malformed
     */
    public static Keyring decode(byte[] encoded) {
        Objects.requireNonNull(encoded, "encoded");
        try {
            ByteBuffer in = ByteBuffer.wrap(encoded);
            require(in.get() == FORMAT_VERSION);
            byte[] root = readKey(in);
            int count = in.getInt();
            require(count >= 1);
            NavigableMap<Integer, Term> terms = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                int term = in.getInt();
                require(term > (terms.isEmpty() ? 0 : terms.lastKey()));
                long seconds = in.getLong();
                int nanos = in.getInt();
                require(nanos >= 0 && nanos < 1_000_000_000);
                Instant installed = Instant.ofEpochSecond(seconds, nanos);
                terms.put(term, new Term(readKey(in), installed));
            }
            require(!in.hasRemaining());
            return new Keyring(root, terms);
        } catch (BufferUnderflowException | DateTimeException | ArithmeticException e) {
            throw new SealException("invalid keyring encoding", e);
        }
    }

    private static byte[] readKey(ByteBuffer in) {
        require(in.getInt() == Gcm.KEY_BYTES);
        byte[] key = new byte[Gcm.KEY_BYTES];
        in.get(key);
        return key;
    }

    private static void require(boolean condition) {
        if (!condition) {
            throw new SealException("invalid keyring encoding");
        }
    }

    /** Shows the active term and the term count only, never key material. */
    @Override
    public String toString() {
        return "Keyring[activeTerm=" + activeTerm() + ", terms=" + terms.size() + "]";
    }
}
