package io.coffer.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Vault's node id rule: the configured {@code node_id}, else one generated once and kept in {@code <path>/node-id}. */
final class NodeIds {

    private NodeIds() {
    }

    static String resolve(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path file = dataDir.resolve("node-id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(dataDir);
            String generated = UUID.randomUUID().toString();
            Files.writeString(file, generated, StandardCharsets.UTF_8);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the node id in " + file, e);
        }
    }
}
