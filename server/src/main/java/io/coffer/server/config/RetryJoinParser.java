package io.coffer.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parses one {@code retry_join {}} block. TLS material may be inline PEM or file paths, never both in one block;
 * files are read here so the rest of the server only ever sees PEM contents.
 */
final class RetryJoinParser {
    private static final List<String> PEM_KEYS = List.of("leader_ca_cert", "leader_client_cert", "leader_client_key");

    private RetryJoinParser() {
    }

    static RetryJoinConfig parse(Block b) {
        String leader = blankToNull(b.string("leader_api_addr", null));
        String autoJoin = blankToNull(b.string("auto_join", null));
        if (leader != null && autoJoin != null) {
            throw b.error("cannot provide both a leader_api_addr and auto_join");
        }
        if (leader == null && autoJoin == null) {
            throw b.error("one of leader_api_addr or auto_join is required");
        }
        if (leader != null) {
            leader = leader.trim();
            Addr.url(leader, b.where("leader_api_addr"));
        }
        String scheme = b.string("auto_join_scheme", RetryJoinConfig.DEFAULT_AUTO_JOIN_SCHEME)
                .trim().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw Values.error(b.where("auto_join_scheme"),
                    "invalid scheme " + Values.describe(scheme) + "; must either be http or https");
        }
        long port = b.integer("auto_join_port", 0, 0, 65535);
        String serverName = blankToNull(b.string("leader_tls_servername", null));
        List<String> pems = pems(b);
        b.ignore(Set.of("retry"));
        b.finish();
        return new RetryJoinConfig(leader, serverName, pems.get(0), pems.get(1), pems.get(2), autoJoin, scheme,
                port == 0 ? RetryJoinConfig.DEFAULT_AUTO_JOIN_PORT : (int) port);
    }

    /** CA, client certificate, client key: PEM text or null each. */
    private static List<String> pems(Block b) {
        String[] inline = new String[3];
        Path[] files = new Path[3];
        boolean anyInline = false;
        boolean anyFile = false;
        for (int i = 0; i < 3; i++) {
            inline[i] = blankToNull(b.string(PEM_KEYS.get(i), null));
            files[i] = b.file(PEM_KEYS.get(i) + "_file");
            anyInline |= inline[i] != null;
            anyFile |= files[i] != null;
        }
        if (anyInline && anyFile) {
            throw b.error("use either inline PEM (" + String.join(", ", PEM_KEYS) + ") or files ("
                    + PEM_KEYS.stream().map(k -> k + "_file").collect(Collectors.joining(", ")) + "), not both");
        }
        String[] pem = new String[3];
        for (int i = 0; i < 3; i++) {
            String key = files[i] != null ? PEM_KEYS.get(i) + "_file" : PEM_KEYS.get(i);
            String text = files[i] != null ? read(files[i], b.where(key)) : inline[i];
            pem[i] = text == null ? null : normalizePem(text, b.where(key), files[i] == null);
        }
        if (pem[1] == null != (pem[2] == null)) {
            throw b.error("leader_client_cert and leader_client_key must be given together");
        }
        return Arrays.asList(pem);
    }

    private static String read(Path file, String where) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(where + ": cannot read " + file + ": " + e, e);
        }
    }

    /** Strips heredoc indentation (hcl4j keeps it) so the PEM parses; rejects text that holds no PEM block. */
    private static String normalizePem(String text, String where, boolean inline) {
        if (!text.contains("-----BEGIN ")) {
            String hint = inline ? " (to give a file path, use the key with the _file suffix)" : "";
            throw new ConfigException(where + ": expected PEM contents (-----BEGIN ...)" + hint);
        }
        String body = text.lines().map(String::trim).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
        return body + "\n";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
