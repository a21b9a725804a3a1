package io.coffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CLI's {@code key=value} argument reader ({@code kvbuilder}): {@code k=v}; {@code k=@file} reads the file's
 * text; {@code k=\@x} is the literal {@code @x}; {@code k=-} reads standard input as the value; a lone {@code -}
 * merges a JSON object from standard input and {@code @file} one from a file. A repeated key becomes a list.
 * Standard input may be consumed once.
 */
final class KvData {

    private final InputStream stdin;
    private final ObjectNode result = JsonNodeFactory.instance.objectNode();
    private boolean stdinUsed;

    private KvData(InputStream stdin) {
        this.stdin = stdin;
    }

    /** The data object, or {@link IllegalArgumentException} with the CLI's reason. */
    static ObjectNode parse(List<String> args, InputStream stdin) {
        KvData builder = new KvData(stdin);
        for (String arg : args) {
            try {
                builder.add(arg);
            } catch (IOException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        return builder.result;
    }

    private void add(String raw) throws IOException {
        if (raw.isEmpty()) {
            return;
        }
        int eq = raw.indexOf('=');
        if (eq < 0) {
            if (raw.equals("-")) {
                mergeJson(readStdin());
                return;
            }
            if (raw.charAt(0) == '@') {
                mergeJson(Files.readAllBytes(Path.of(raw.substring(1))));
                return;
            }
            throw new IllegalArgumentException("format must be key=value");
        }
        String key = raw.substring(0, eq);
        String value = raw.substring(eq + 1);
        if (value.startsWith("@")) {
            try {
                value = Files.readString(Path.of(value.substring(1)), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IOException("error reading file: " + e.getMessage(), e);
            }
        } else if (value.startsWith("\\@")) {
            value = value.substring(1);
        } else if (value.equals("-")) {
            value = new String(readStdin(), StandardCharsets.UTF_8);
        }
        put(key, value);
    }

    private void put(String key, String value) {
        JsonNode existing = result.get(key);
        if (existing == null) {
            result.put(key, value);
            return;
        }
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        if (existing.isArray()) {
            list.addAll((ArrayNode) existing);
        } else {
            list.add(existing);
        }
        list.add(value);
        result.set(key, list);
    }

    private byte[] readStdin() throws IOException {
        if (stdin == null) {
            throw new IllegalArgumentException("stdin is not supported");
        }
        if (stdinUsed) {
            throw new IllegalArgumentException("stdin already consumed");
        }
        stdinUsed = true;
        return stdin.readAllBytes();
    }

    private void mergeJson(byte[] json) throws IOException {
        JsonNode parsed = VaultClient.JSON.readTree(json);
        if (!(parsed instanceof ObjectNode object)) {
            throw new IllegalArgumentException("JSON input must be an object");
        }
        result.setAll(object);
    }
}
