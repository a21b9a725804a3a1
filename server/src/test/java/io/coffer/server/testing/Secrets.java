package io.coffer.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.server.testing.VaultHttp.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * KV v2 secrets under {@code secret/} ({@code vault kv put/get}): one field, {@code value}. Bulk helpers spread
 * their requests over a few threads and are bounded in time.
 */
public final class Secrets {

    private static final Duration BULK_LIMIT = Duration.ofSeconds(120);

    private Secrets() {
    }

    /** {@code vault kv put secret/<name> value=<value>}. */
    public static Reply put(VaultHttp http, String name, String value, Duration timeout) {
        return http.send("PUT", "secret/data/" + name, "{\"data\":{\"value\":\"" + value + "\"}}", null, timeout);
    }

    /** {@code vault kv get -field=value secret/<name>}; null when absent (404). */
    public static String get(VaultHttp http, String name) {
        Reply reply = http.get("secret/data/" + name);
        if (reply.status() == 404) {
            return null;
        }
        assertThat(reply.status()).as("GET secret/data/%s: %s", name, reply.body()).isEqualTo(200);
        return reply.data().path("data").path("value").asText();
    }

    /** Writes every {@code name → value} of {@code secrets} through {@code http} with {@code threads} writers. */
    public static void putAll(VaultHttp http, Map<String, String> secrets, int threads) {
        run(threads, secrets.entrySet(), e -> {
            Reply reply = put(http, e.getKey(), e.getValue(), Duration.ofSeconds(30));
            assertThat(reply.status()).as("PUT %s: %s", e.getKey(), reply.body()).isEqualTo(200);
            return null;
        });
    }

    /** The names of {@code expected} whose value read through {@code http} differs (absent included). */
    public static List<String> mismatches(VaultHttp http, Map<String, String> expected, int threads) {
        List<String> wrong = new ArrayList<>();
        List<String> results = run(threads, expected.entrySet(),
                e -> e.getValue().equals(get(http, e.getKey())) ? null : e.getKey());
        results.stream().filter(r -> r != null).forEach(wrong::add);
        return wrong;
    }

    private static <T, R> List<R> run(int threads, Collection<T> items, Function<T, R> task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<R>> futures = new ArrayList<>();
            items.forEach(item -> futures.add(pool.submit(() -> task.apply(item))));
            long deadline = System.nanoTime() + BULK_LIMIT.toNanos();
            List<R> out = new ArrayList<>();
            for (Future<R> f : futures) {
                out.add(f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError assertion) {
                throw assertion;
            }
            throw new AssertionError(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("bulk requests did not finish within " + BULK_LIMIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
