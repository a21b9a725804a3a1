package io.coffer.api.http;

import io.netty.handler.codec.http.FullHttpRequest;

/**
 * A request whose body is streamed rather than aggregated: {@code head} carries method, URI and headers with an
 * empty body. Travels from {@link StreamingUploads} to {@link RequestDispatcher}, past the aggregator.
 */
record StreamedRequest(FullHttpRequest head, StreamedBody body) {
}
