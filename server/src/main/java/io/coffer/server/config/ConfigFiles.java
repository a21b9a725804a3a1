package io.coffer.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the {@code -config} paths: each a file or a directory whose {@code *.hcl} and {@code *.json} files are
 * loaded in name order (editor temporaries skipped, sub-directories ignored), as Vault's {@code LoadConfigDir} does.
 * All documents are merged in the order the paths were given.
 */
final class ConfigFiles {
    private ConfigFiles() {
    }

    static ConfigDocument read(List<Path> paths) {
        if (paths.isEmpty()) {
            throw new ConfigException("no configuration file given (use -config=<file or directory>)");
        }
        ConfigDocument merged = ConfigDocument.empty();
        for (Path path : paths) {
            for (Path file : expand(path)) {
                merged = merged.merge(readFile(file));
            }
        }
        return merged;
    }

    static ConfigDocument readFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e, e);
        }
        boolean json = file.getFileName().toString().endsWith(".json");
        return ConfigDocument.of(SourceParser.parse(text, file.toString(), json), file.toString());
    }

    private static List<Path> expand(Path path) {
        if (!Files.exists(path)) {
            throw new ConfigException("config path " + path + " does not exist");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(path)) {
            entries.filter(Files::isRegularFile)
                    .filter(p -> isConfigName(p.getFileName().toString()))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .forEach(files::add);
        } catch (IOException e) {
            throw new ConfigException("cannot list config directory " + path + ": " + e, e);
        }
        if (files.isEmpty()) {
            throw new ConfigException("config directory " + path + " contains no .hcl or .json files");
        }
        return files;
    }

    private static boolean isConfigName(String name) {
        boolean temporary = name.endsWith("~") || name.startsWith(".#") || name.startsWith("#") && name.endsWith("#");
        return !temporary && (name.endsWith(".hcl") || name.endsWith(".json"));
    }
}
