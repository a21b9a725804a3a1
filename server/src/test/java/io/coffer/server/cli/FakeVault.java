package io.coffer.server.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted HTTP server standing in for Vault where Coffer's server does not answer yet (raft endpoints) or where a
 * test needs to see the exact bytes the CLI sends. Unscripted paths answer 404 {@code {"errors":[]}}.
 */
final class FakeVault implements AutoCloseable {

    /** One request as received. */
    record Received(String method, String uri, Map<String, List<String>> headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }
    }

    /** A scripted answer. */
    record Answer(int status, Map<String, String> headers, byte[] body) {

        static Answer json(int status, String json) {
            return new Answer(status, Map.of("Content-Type", "application/json"),
                    json.getBytes(StandardCharsets.UTF_8));
        }

        static Answer noContent() {
            return new Answer(204, Map.of(), new byte[0]);
        }
    }

    private final HttpServer server;
    private final Map<String, List<Answer>> script = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    FakeVault() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code "METHOD /v1/path"} with {@code answers} in turn, repeating the last one. */
    FakeVault on(String methodAndPath, Answer... answers) {
        script.put(methodAndPath, new CopyOnWriteArrayList<>(List.of(answers)));
        return this;
    }

    List<Received> received() {
        return received;
    }

    Received last() {
        return received.get(received.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        List<Answer> answers = script.get(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
        Answer answer = answers == null ? Answer.json(404, "{\"errors\":[]}")
                : answers.size() > 1 ? answers.remove(0) : answers.get(0);
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
