package io.coffer.server.tls;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;

/**
 * Key algorithms the certificate tooling generates. RSA keys are 4096 bits for a CA and 2048 bits for a node
 * certificate, as in the guide's {@code openssl genrsa} and {@code rsa:2048} steps; EC keys are P-256 for both.
 */
public enum KeyType {
    RSA("SHA256withRSA"),
    EC("SHA256withECDSA");

    static final int CA_RSA_BITS = 4096;
    static final int LEAF_RSA_BITS = 2048;

    private final String signatureAlgorithm;

    KeyType(String signatureAlgorithm) {
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** The algorithm a key of this type signs certificates with (always SHA-256). */
    String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** A fresh key pair: RSA of {@code rsaBits}, or EC on P-256 (then {@code rsaBits} is ignored). */
    KeyPair generate(int rsaBits, SecureRandom random) {
        try {
            if (this == RSA) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(rsaBits, random);
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + this + " key: " + e.getMessage(), e);
        }
    }

    /** The type of an existing key, from its JCA algorithm name. */
    static KeyType of(PrivateKey key) {
        String algorithm = key.getAlgorithm().toUpperCase(Locale.ROOT);
        if (algorithm.equals("RSA")) {
            return RSA;
        }
        if (algorithm.equals("EC") || algorithm.equals("ECDSA")) {
            return EC;
        }
        throw new IllegalArgumentException("unsupported key algorithm " + key.getAlgorithm() + " (expected RSA or EC)");
    }

    /** {@code rsa} or {@code ec}, in any case, as the command line spells them. */
    public static KeyType parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "rsa" -> RSA;
            case "ec", "ecdsa" -> EC;
            default -> throw new IllegalArgumentException("unknown key type \"" + name + "\" (expected rsa or ec)");
        };
    }
}
