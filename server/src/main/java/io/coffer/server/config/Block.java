package io.coffer.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One configuration block (or the top level) seen through typed getters. Every key read or explicitly ignored is
 * remembered, so {@link #finish()} can warn about the keys nobody asked for. Error messages carry the block's path,
 * e.g. {@code listener "tcp": tls_disable: expected a boolean, got "maybe"}.
 */
final class Block {
    private final String path;
    private final Map<String, Object> raw;
    private final ParseContext ctx;
    private final Set<String> seen = new HashSet<>();

    Block(String path, Map<String, Object> raw, ParseContext ctx) {
        this.path = path;
        this.raw = raw;
        this.ctx = ctx;
    }

    String path() {
        return path;
    }

    ParseContext ctx() {
        return ctx;
    }

    /** The path of a key inside this block, for messages. */
    String where(String key) {
        return path.isEmpty() ? key : path + ": " + key;
    }

    ConfigException error(String message) {
        return new ConfigException(path.isEmpty() ? message : path + ": " + message);
    }

    boolean has(String key) {
        return raw.get(key) != null;
    }

    Object raw(String key) {
        seen.add(key);
        return raw.get(key);
    }

    String string(String key, String fallback) {
        Object value = raw(key);
        return value == null ? fallback : Values.string(value, where(key));
    }

    boolean bool(String key, boolean fallback) {
        Object value = raw(key);
        return value == null ? fallback : Values.bool(value, where(key));
    }

    Duration duration(String key, Duration fallback) {
        Object value = raw(key);
        return value == null ? fallback : Values.duration(value, where(key));
    }

    long integer(String key, long fallback) {
        Object value = raw(key);
        return value == null ? fallback : Values.integer(value, where(key));
    }

    /** An integer that must lie within [min, max]. */
    long integer(String key, long fallback, long min, long max) {
        long value = integer(key, fallback);
        if (value < min || value > max) {
            throw Values.error(where(key), "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    List<String> stringList(String key) {
        Object value = raw(key);
        return value == null ? List.of() : Values.stringList(value, where(key));
    }

    /** A file path resolved against the base directory, or null when the key is absent or empty. */
    Path file(String key) {
        String value = string(key, null);
        return value == null || value.isBlank() ? null : ctx.resolve(value.trim());
    }

    /** A nested block that may appear at most once; an empty block when absent. */
    Block child(String key) {
        List<Block> children = children(key, key);
        if (children.size() > 1) {
            throw error("only one \"" + key + "\" block is permitted");
        }
        return children.isEmpty() ? new Block(where(key), Map.of(), ctx) : children.get(0);
    }

    /** A repeatable nested block such as {@code retry_join}; paths are numbered from 1 when it repeats. */
    List<Block> children(String key, String name) {
        Object value = raw(key);
        if (value == null) {
            return List.of();
        }
        List<Map<String, Object>> bodies = BlockShapes.bodies(value, where(key));
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            String childName = bodies.size() == 1 ? name : name + " #" + (i + 1);
            out.add(new Block(where(childName), bodies.get(i), ctx));
        }
        return out;
    }

    /** Marks keys that Coffer accepts for compatibility but does not act on. */
    void ignore(Collection<String> keys) {
        seen.addAll(keys);
    }

    /** Warns about every key that was neither read nor ignored. */
    void finish() {
        Map<String, Object> unknown = new LinkedHashMap<>(raw);
        unknown.keySet().removeAll(seen);
        String in = path.isEmpty() ? " at the top level" : " in " + path;
        for (String key : unknown.keySet()) {
            ctx.warn("unknown key \"" + key + "\"" + in);
        }
    }
}
