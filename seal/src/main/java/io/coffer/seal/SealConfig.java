package io.coffer.seal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A node's seal configuration, Vault's {@code SealConfig} reduced to what a Shamir seal uses. It holds no secret
 * and is stored in clear (the api module keeps {@link #encode()} at {@code core/seal-config}).
 *
 * <p>Construction only checks that {@code type} is a lower-case token; the share counts are checked by
 * {@link #validate()}, which callers run on operator input before using it.
 *
 * @param type            seal type, {@value #SHAMIR} for the only seal Coffer implements
 * @param secretShares    number of key shares handed to operators (Vault's {@code n})
 * @param secretThreshold shares needed to unseal (Vault's {@code t})
 */
public record SealConfig(String type, int secretShares, int secretThreshold) {

    /** The Shamir seal type name, as Vault spells it. */
    public static final String SHAMIR = "shamir";

    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final String PREFIX = "invalid seal configuration: ";
    private static final String FORMAT_VERSION = "1";

    /**
     * @throws SealException if {@code type} is not a lower-case token (letters, digits, '_' and '-')
     */
    public SealConfig {
        Objects.requireNonNull(type, "type");
        if (!TYPE.matcher(type).matches()) {
            throw new SealException("invalid seal type");
        }
    }

    /**
     * @return a Shamir seal configuration; not yet validated
     */
    public static SealConfig shamir(int shares, int threshold) {
        return new SealConfig(SHAMIR, shares, threshold);
    }

    /**
     * Checks the share counts with Vault's rules, in Vault's order, throwing on the first violation.
     *
     * @throws SealException with message {@code "invalid seal configuration: <Vault's text>"}
     */
    public void validate() {
        String problem = firstProblem();
        if (problem != null) {
            throw new SealException(PREFIX + problem);
        }
    }

    private String firstProblem() {
        if (secretShares < 1) {
            return "shares must be at least one";
        }
        if (secretThreshold < 1) {
            return "threshold must be at least one";
        }
        if (secretShares > 1 && secretThreshold == 1) {
            return "threshold must be greater than one for multiple shares";
        }
        if (secretShares > 255) {
            return "shares must be less than 256";
        }
        if (secretThreshold > 255) {
            return "threshold must be less than 256";
        }
        if (secretThreshold > secretShares) {
            return "threshold cannot be larger than shares";
        }
        return null;
    }

    /**
     * Stable UTF-8 text, one {@code key=value} per line, e.g.
     * {@code version=1\ntype=shamir\nsecret_shares=5\nsecret_threshold=3\n}.
     *
     * @return fresh bytes that {@link #decode(byte[])} turns back into an equal config
     */
    public byte[] encode() {
        String text = "version=" + FORMAT_VERSION + "\n"
                + "type=" + type + "\n"
                + "secret_shares=" + secretShares + "\n"
                + "secret_threshold=" + secretThreshold + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Parses bytes written by {@link #encode()}. Unknown keys are ignored (forward compatibility); the result is
     * not validated.
     *
     * @throws SealException("invalid stored seal configuration") if the bytes are not a version-1 encoding
     */
    public static SealConfig decode(byte[] encoded) {
        Objects.requireNonNull(encoded, "encoded");
        Map<String, String> fields = new HashMap<>();
        for (String line : new String(encoded, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq <= 0 || fields.put(line.substring(0, eq), line.substring(eq + 1)) != null) {
                throw corrupt(null);
            }
        }
        if (!FORMAT_VERSION.equals(fields.get("version"))) {
            throw corrupt(null);
        }
        try {
            return new SealConfig(required(fields, "type"),
                    Integer.parseInt(required(fields, "secret_shares")),
                    Integer.parseInt(required(fields, "secret_threshold")));
        } catch (NumberFormatException | SealException e) {
            throw corrupt(e);
        }
    }

    private static String required(Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null) {
            throw corrupt(null);
        }
        return value;
    }

    private static SealException corrupt(Exception cause) {
        return new SealException("invalid stored seal configuration", cause);
    }
}
