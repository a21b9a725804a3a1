package io.coffer.api.kv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Parsing and validation of a key's {@code custom_metadata} (Vault's {@code path_metadata.go} rules). */
final class CustomMetadata {

    static final int MAX_KEYS = 64;
    static final int MAX_KEY_LENGTH = 128;
    static final int MAX_VALUE_LENGTH = 512;
    private static final String PREFIX = "custom_metadata validation failed";

    private CustomMetadata() {
    }

    /**
     * Reads the map, turning scalar values into strings (numbers by their text, booleans as 1/0, null as "" —
     * unless {@code dropNulls}, used by PATCH where null means "remove"). Nested values are a 400.
     */
    static Map<String, String> parse(ObjectNode raw, boolean dropNulls) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, JsonNode> field : raw.properties()) {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                if (!dropNulls) {
                    out.put(field.getKey(), "");
                }
            } else if (value.isBoolean()) {
                out.put(field.getKey(), value.booleanValue() ? "1" : "0");
            } else if (value.isValueNode()) {
                out.put(field.getKey(), value.asText());
            } else {
                throw ApiException.badRequest(PREFIX + ": '" + field.getKey()
                        + "' expected type 'string', got unconvertible type '" + (value.isArray()
                        ? "[]interface {}" : "map[string]interface {}") + "'");
            }
        }
        return out;
    }

    /** Throws 400 with every violation (Vault's multi-error text) when {@code metadata} breaks the limits. */
    static void validate(Map<String, String> metadata) {
        List<String> errors = violations(metadata);
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(multiError(errors));
        }
    }

    static List<String> violations(Map<String, String> metadata) {
        List<String> errors = new ArrayList<>();
        if (metadata.size() > MAX_KEYS) {
            errors.add(PREFIX + ": payload must contain at most " + MAX_KEYS + " keys, provided " + metadata.size());
            return errors;
        }
        for (Map.Entry<String, String> entry : new TreeMap<>(metadata).entrySet()) {
            String key = entry.getKey();
            int keyLength = key.getBytes(StandardCharsets.UTF_8).length;
            if (keyLength == 0 || keyLength > MAX_KEY_LENGTH) {
                errors.add(PREFIX + ": length of key " + quote(key) + " is " + keyLength
                        + " but must be 0 < len(key) <= " + MAX_KEY_LENGTH);
            }
            int valueLength = entry.getValue().getBytes(StandardCharsets.UTF_8).length;
            if (valueLength == 0 || valueLength > MAX_VALUE_LENGTH) {
                errors.add(PREFIX + ": length of value for key " + quote(key) + " is " + valueLength
                        + " but must be 0 < len(value) <= " + MAX_VALUE_LENGTH);
            }
            if (!printable(key)) {
                errors.add(PREFIX + ": key " + quote(key) + " (" + key + ") contains unprintable characters");
            }
            if (!printable(entry.getValue())) {
                errors.add(PREFIX + ": value for key " + quote(key) + " contains unprintable characters");
            }
        }
        return errors;
    }

    /** Go's {@code unicode.IsPrint} over every code point: letters, marks, numbers, punctuation, symbols, ' '. */
    static boolean printable(String text) {
        return text.codePoints().allMatch(cp -> cp == ' ' || printableType(Character.getType(cp)));
    }

    private static boolean printableType(int type) {
        return switch (type) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /** hashicorp/go-multierror's text: {@code "1 error occurred:\n\t* ...\n\n"}. */
    static String multiError(List<String> errors) {
        StringBuilder out = new StringBuilder();
        out.append(errors.size()).append(errors.size() == 1 ? " error occurred:\n" : " errors occurred:\n");
        for (String error : errors) {
            out.append("\t* ").append(error).append('\n');
        }
        return out.append('\n').toString();
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\x%02x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }
}
