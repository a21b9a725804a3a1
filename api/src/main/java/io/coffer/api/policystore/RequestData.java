package io.coffer.api.policystore;

import io.coffer.api.ApiException;
import io.coffer.api.ApiRequest;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A request's data as the ACL's parameter constraints see it (Vault's {@code req.Data}): query parameters overlaid
 * by the top-level fields of a JSON body. The body is parsed only if a constraint looks at it; a body that is not a
 * JSON object (a snapshot upload, malformed JSON) contributes nothing here and is the handler's to refuse.
 */
final class RequestData extends AbstractMap<String, Object> {

    private final ApiRequest request;
    private Map<String, Object> fields;

    RequestData(ApiRequest request) {
        this.request = request;
    }

    @Override
    public boolean isEmpty() {
        return request.query().isEmpty() && request.body().length == 0 || fields().isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
        return fields().containsKey(key);
    }

    @Override
    public Object get(Object key) {
        return fields().get(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return fields().entrySet();
    }

    private Map<String, Object> fields() {
        if (fields == null) {
            Map<String, Object> out = new LinkedHashMap<>(request.query());
            if (request.body().length > 0) {
                try {
                    request.jsonBody().fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
                } catch (ApiException notJson) {
                    // Left to the handler, which answers Vault's parse error.
                }
            }
            fields = out;
        }
        return fields;
    }
}
