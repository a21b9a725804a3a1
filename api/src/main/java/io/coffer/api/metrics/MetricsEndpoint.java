package io.coffer.api.metrics;

import io.coffer.api.ApiResponse;
import io.coffer.api.Operation;
import io.coffer.api.router.Call;
import io.coffer.api.router.Routes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code sys/metrics} (vault-api.md §9.1). The format comes from {@code ?format=}, else from the {@code Accept}
 * header ({@code application/openmetrics-text...} or one containing {@code prometheus/telemetry} means Prometheus);
 * no format is the JSON dump. Errors are {@code text/plain} bodies, as Vault's metrics helper writes them.
 *
 * <p>Without {@code unauthenticated_metrics_access} the route is registered with the authenticated routes: it needs
 * a token with {@code read} on {@code sys/metrics}, answers 503 while sealed and is audited. With it, the route is
 * registered with the open routes, as Vault's dedicated unauthenticated handler: no token, served while sealed
 * (every node its own metrics), not audited.
 */
final class MetricsEndpoint {

    private static final String ERROR_TYPE = "text/plain";
    private static final String PROMETHEUS = "prometheus";

    private final boolean prometheusEnabled;
    private final boolean unauthenticated;
    private final Supplier<List<GaugeValue>> gauges;
    private final Telemetry telemetry;

    MetricsEndpoint(boolean prometheusEnabled, boolean unauthenticated, Supplier<List<GaugeValue>> gauges,
                    Telemetry telemetry) {
        this.prometheusEnabled = prometheusEnabled;
        this.unauthenticated = unauthenticated;
        this.gauges = gauges;
        this.telemetry = telemetry;
    }

    void register(Routes open, Routes authenticated) {
        Routes target = unauthenticated ? open : authenticated;
        target.on("sys/metrics", this::serve, Operation.READ);
    }

    private ApiResponse serve(Call call) {
        String format = call.request().query().getOrDefault("format", "");
        if (format.isEmpty()) {
            format = fromAccept(call.request().header("accept"));
        }
        if (format.equals(PROMETHEUS)) {
            if (!prometheusEnabled) {
                return text(400, "prometheus is not enabled");
            }
            return ApiResponse.bytes(200, PrometheusText.render(gauges.get(), telemetry),
                    PrometheusText.CONTENT_TYPE);
        }
        if (format.isEmpty()) {
            return ApiResponse.bytes(200, InmemJson.render(gauges.get(), telemetry), "application/json");
        }
        return text(400, "metric response format \"" + format + "\" unknown");
    }

    private static String fromAccept(String accept) {
        if (accept != null && (accept.startsWith("application/openmetrics-text")
                || accept.contains("prometheus/telemetry"))) {
            return PROMETHEUS;
        }
        return "";
    }

    private static ApiResponse text(int status, String message) {
        return ApiResponse.bytes(status, message.getBytes(StandardCharsets.UTF_8), ERROR_TYPE);
    }
}
