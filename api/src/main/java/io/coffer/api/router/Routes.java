package io.coffer.api.router;

import io.coffer.api.ApiException;
import io.coffer.api.ApiRequest;
import io.coffer.api.ApiResponse;
import io.coffer.api.Operation;
import io.coffer.api.auth.TokenEntry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table of path patterns to handlers per operation. A pattern is either exact ({@code sys/seal-status}),
 * or has one {@code *} wildcard that captures one or more characters ({@code sys/mounts/*}, {@code
 * sys/mounts/* /tune} without the space). The first matching pattern in registration order wins, so
 * register specific patterns before general ones. Operations a route lacks answer 405.
 */
public final class Routes {

    private final List<Route> routes = new ArrayList<>();

    /** Registers {@code handler} for {@code ops} on {@code pattern}. */
    public Routes on(String pattern, RouteHandler handler, Operation... ops) {
        Route route = find(pattern).orElseGet(() -> {
            Route created = new Route(pattern, new EnumMap<>(Operation.class));
            routes.add(created);
            return created;
        });
        for (Operation op : ops) {
            route.handlers.put(op, handler);
        }
        return this;
    }

    /** Registers {@code handler} for PUT and POST. */
    public Routes onWrite(String pattern, RouteHandler handler) {
        return on(pattern, handler, Operation.UPDATE, Operation.CREATE);
    }

    /** Whether some route matches {@code path}. */
    public boolean matches(String path) {
        return routes.stream().anyMatch(r -> r.capture(path) != null);
    }

    /** Dispatches; empty when no route matches the path. 405 when the route lacks the operation. */
    public Optional<ApiResponse> dispatch(ApiRequest request, TokenEntry token) {
        for (Route route : routes) {
            String param = route.capture(request.path());
            if (param == null) {
                continue;
            }
            RouteHandler handler = route.handlers.get(request.operation());
            if (handler == null) {
                throw ApiException.methodNotAllowed();
            }
            return Optional.of(handler.handle(new Call(request, param, token)));
        }
        return Optional.empty();
    }

    private Optional<Route> find(String pattern) {
        return routes.stream().filter(r -> r.pattern.equals(pattern)).findFirst();
    }

    private record Route(String pattern, Map<Operation, RouteHandler> handlers) {

        /** The wildcard capture, "" for an exact match, or null when the path does not match. */
        String capture(String path) {
            String normalized = path.endsWith("/") && !pattern.endsWith("/") ? path.substring(0, path.length() - 1)
                    : path;
            int star = pattern.indexOf('*');
            if (star < 0) {
                return normalized.equals(pattern) ? "" : null;
            }
            String head = pattern.substring(0, star);
            String tail = pattern.substring(star + 1);
            if (normalized.length() <= head.length() + tail.length()
                    || !normalized.startsWith(head) || !normalized.endsWith(tail)) {
                return null;
            }
            return normalized.substring(head.length(), normalized.length() - tail.length());
        }
    }
}
