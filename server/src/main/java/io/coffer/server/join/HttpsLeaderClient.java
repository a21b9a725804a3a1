package io.coffer.server.join;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.Json;
import io.coffer.api.raft.JoinException;
import io.coffer.api.raft.JoinTarget;
import io.coffer.api.raft.LeaderClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * {@link LeaderClient} over HTTP(S) with the JDK client: one {@code PUT /v1/<path>} with a JSON body and the
 * {@code X-Vault-Request} header, no retries (the join loop retries), bounded connect and request times. Errors
 * read like the Go API client's so operators recognise them. Clients are cached per join target.
 */
public final class HttpsLeaderClient implements LeaderClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final String defaultCaPem;
    private final Map<JoinTarget, HttpClient> clients = new ConcurrentHashMap<>();

    /** {@code defaultCaPem}: the node's configured CA, used when a target brings none; null for the JVM's. */
    public HttpsLeaderClient(String defaultCaPem) {
        this.defaultCaPem = defaultCaPem;
    }

    @Override
    public void check(JoinTarget target) {
        JoinTls.context(target, defaultCaPem);
    }

    @Override
    public JsonNode put(JoinTarget target, String path, ObjectNode body) {
        String url = target.leaderApiAddr().replaceAll("/+$", "") + "/v1/" + path;
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                    .header("X-Vault-Request", "true")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body))).build();
        } catch (IllegalArgumentException e) {
            throw new JoinException("invalid leader address " + target.leaderApiAddr() + ": " + e.getMessage());
        }
        HttpResponse<String> response;
        try {
            response = client(target).send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new JoinException("Put \"" + url + "\": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JoinException("Put \"" + url + "\": interrupted");
        }
        JsonNode parsed = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            throw new JoinException("Error making API request.\n\nURL: PUT " + url + "\nCode: "
                    + response.statusCode() + ". Errors:\n\n" + errors(parsed));
        }
        if (parsed == null) {
            throw new JoinException("Put \"" + url + "\": the response is not JSON");
        }
        return parsed;
    }

    private HttpClient client(JoinTarget target) {
        return clients.computeIfAbsent(target, t -> {
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                    .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER);
            if (t.leaderApiAddr().startsWith("https://")) {
                SSLContext context = JoinTls.context(t, defaultCaPem);
                builder.sslContext(context);
                builder.sslParameters(parameters(context, t.leaderTlsServerName()));
            }
            return builder.build();
        });
    }

    private static SSLParameters parameters(SSLContext context, String serverName) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        if (serverName != null) {
            try {
                List<SNIServerName> names = new ArrayList<>();
                names.add(new SNIHostName(serverName));
                parameters.setServerNames(names);
            } catch (IllegalArgumentException notAHostName) {
                // an IP address: no SNI, the certificate check still uses the name
            }
        }
        return parameters;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return Json.parse(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }

    private static String errors(JsonNode body) {
        StringBuilder out = new StringBuilder();
        if (body != null) {
            body.path("errors").forEach(e -> out.append("* ").append(e.asText()).append('\n'));
            if (body.path("data").path("error").isTextual()) {
                out.append("* ").append(body.path("data").path("error").asText()).append('\n');
            }
        }
        return out.toString().trim();
    }

    private static String describe(IOException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
