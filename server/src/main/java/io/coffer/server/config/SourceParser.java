package io.coffer.server.config;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns configuration text into a raw tree of maps, lists and scalars. HCL goes through hcl4j; JSON goes through
 * Jackson's streaming parser (jackson-core only, so it does not depend on which jackson-databind is on the path).
 */
final class SourceParser {
    private static final JsonFactory JSON = new JsonFactory();

    private SourceParser() {
    }

    static Map<String, Object> parse(String text, String source, boolean json) {
        return json ? parseJson(text, source) : parseHcl(text, source);
    }

    static Map<String, Object> parseHcl(String text, String source) {
        try {
            Map<String, Object> tree = new HCLParser().parse(text);
            return tree == null ? new LinkedHashMap<>() : tree;
        } catch (Exception e) {
            Throwable cause = e.getCause() != null && e instanceof RuntimeException ? e.getCause() : e;
            throw new ConfigException(source + ": invalid HCL: " + oneLine(cause.getMessage()), e);
        }
    }

    static Map<String, Object> parseJson(String text, String source) {
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new ConfigException(source + ": invalid JSON: the document must be an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = (Map<String, Object>) read(parser, first);
            if (parser.nextToken() != null) {
                throw new ConfigException(source + ": invalid JSON: unexpected content after the top-level object");
            }
            return tree;
        } catch (IOException e) {
            throw new ConfigException(source + ": invalid JSON: " + oneLine(e.getMessage()), e);
        }
    }

    private static Object read(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    map.put(name, read(parser, parser.nextToken()));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(read(parser, t));
                }
                return list;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected token " + token);
        }
    }

    private static String oneLine(String message) {
        return message == null ? "parse error" : message.replaceAll("\\s+", " ").trim();
    }
}
