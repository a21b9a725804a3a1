package io.coffer.server.tls;

import java.util.Optional;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/** The two extended key usages a Raft node certificate needs, with the names openssl and the guide use. */
public enum Eku {
    SERVER_AUTH("serverAuth", "TLS Web Server Authentication", KeyPurposeId.id_kp_serverAuth),
    CLIENT_AUTH("clientAuth", "TLS Web Client Authentication", KeyPurposeId.id_kp_clientAuth);

    /** {@code anyExtendedKeyUsage}: TLS stacks accept it in place of any specific usage. */
    static final String ANY_OID = KeyPurposeId.anyExtendedKeyUsage.getId();

    private final String shortName;
    private final String displayName;
    private final KeyPurposeId purpose;

    Eku(String shortName, String displayName, KeyPurposeId purpose) {
        this.shortName = shortName;
        this.displayName = displayName;
        this.purpose = purpose;
    }

    /** The openssl config name, e.g. {@code clientAuth}. */
    public String shortName() {
        return shortName;
    }

    /** The name {@code openssl x509 -text} prints, e.g. {@code TLS Web Client Authentication}. */
    public String displayName() {
        return displayName;
    }

    public String oid() {
        return purpose.getId();
    }

    KeyPurposeId purpose() {
        return purpose;
    }

    static Optional<Eku> byOid(String oid) {
        for (Eku eku : values()) {
            if (eku.oid().equals(oid)) {
                return Optional.of(eku);
            }
        }
        return Optional.empty();
    }
}
