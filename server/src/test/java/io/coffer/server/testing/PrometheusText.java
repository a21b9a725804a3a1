package io.coffer.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Parses Prometheus text exposition with the reference Python client's parser
 * ({@code prometheus_client.parser}, Debian package python3-prometheus-client), so a scrape is checked by a real
 * Prometheus parser rather than by our own reading of the format.
 */
public final class PrometheusText {

    private static final String SCRIPT = String.join("\n",
            "import json, sys",
            "from prometheus_client.parser import text_string_to_metric_families",
            "out = []",
            "for family in text_string_to_metric_families(sys.stdin.read()):",
            "    for s in family.samples:",
            "        out.append({'family': family.name, 'type': family.type, 'name': s.name,",
            "                    'labels': s.labels, 'value': s.value})",
            "print(json.dumps(out))");

    private final JsonNode samples;

    private PrometheusText(JsonNode samples) {
        this.samples = samples;
    }

    /** Parses {@code text}; throws when the reference parser rejects it. */
    public static PrometheusText parse(String text) {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", SCRIPT).redirectErrorStream(false).start();
            p.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("prometheus parser rejected the scrape: " + err);
            }
            return new PrometheusText(new ObjectMapper().readTree(out));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run the prometheus parser (apt-get install "
                    + "python3-prometheus-client): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The value of the first sample named {@code name}, if any. */
    public Optional<Double> value(String name) {
        for (JsonNode s : samples) {
            if (s.path("name").asText().equals(name)) {
                return Optional.of(s.path("value").asDouble());
            }
        }
        return Optional.empty();
    }

    public int size() {
        return samples.size();
    }
}
