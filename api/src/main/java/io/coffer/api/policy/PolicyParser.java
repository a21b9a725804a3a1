package io.coffer.api.policy;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.bertramlabs.plugins.hcl4j.HCLParserException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.coffer.api.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parses Vault ACL policy text, in HCL or in Vault's JSON form, into a {@link Policy}. Like Vault, text whose first
 * non-blank character is <code>{</code> is JSON; anything else is HCL. Both are reduced to the same tree of maps,
 * lists and scalars, which {@link RuleReader} validates. Pure and thread-safe.
 */
public final class PolicyParser {

    private static final ObjectReader JSON = Json.MAPPER.readerFor(Object.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private PolicyParser() {
    }

    /**
     * Parses {@code text} as the policy {@code name} (lowercased and trimmed, as Vault stores names).
     *
     * @throws PolicyException with Vault's {@code failed to parse policy: ...} message when the text is invalid
     */
    public static Policy parse(String name, String text) {
        Objects.requireNonNull(text, "text");
        Map<String, Object> tree = isJson(text) ? json(text) : hcl(text);
        return new Policy(PolicyNames.normalize(name), text, RuleReader.read(tree));
    }

    static boolean isJson(String text) {
        return text.stripLeading().startsWith("{");
    }

    private static Map<String, Object> json(String text) {
        try {
            return root(plain(JSON.readValue(text)));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw PolicyException.parse(e.getOriginalMessage() + where);
        } catch (IOException e) {
            throw PolicyException.parse(e.getMessage());
        }
    }

    private static Map<String, Object> hcl(String text) {
        HclSyntax.check(text);
        Map<String, Object> tree;
        try {
            tree = new HCLParser().parse(text, false);
        } catch (HCLParserException | IOException | RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw PolicyException.parse(String.valueOf(cause.getMessage()));
        }
        return root(plain(tree));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> root(Object tree) {
        if (!(tree instanceof Map<?, ?>)) {
            throw PolicyException.parse("does not contain a root object");
        }
        return (Map<String, Object>) tree;
    }

    /**
     * Copies a parsed tree into plain maps, lists and scalars, with every integer a {@code long} whichever syntax it
     * came from. hcl4j reads every number as a double; HCL integers become longs again so that
     * {@code max_wrapping_ttl = 90} means 90 seconds.
     */
    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((key, item) -> out.put(String.valueOf(key), plain(item)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(plain(item)));
            return out;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            boolean integral = d == Math.rint(d) && Math.abs(d) < 0x1p53;
            return integral ? (Object) (long) d : BigDecimal.valueOf(d);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        throw PolicyException.parse("unsupported value " + value);
    }
}
