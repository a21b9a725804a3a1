package io.coffer.server.peerunseal;

import io.coffer.api.peerunseal.PeerUnsealMessages;
import io.coffer.api.peerunseal.PeerUnsealRefusedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import org.apache.ratis.thirdparty.io.grpc.MethodDescriptor;
import org.apache.ratis.thirdparty.io.grpc.Status;
import org.apache.ratis.thirdparty.io.grpc.StatusRuntimeException;

/**
 * The one gRPC method {@code unseal_from_peers} adds to the cluster port, {@code coffer.PeerUnseal/Exchange}: unary,
 * opaque bytes ({@link PeerUnsealMessages}) each way. A refusal travels as a status whose description starts with
 * the refusal kind, so the requester can tell "try again later" from "never". Shared by both sides.
 */
final class PeerUnsealGrpc {

    static final String SERVICE = "coffer.PeerUnseal";
    static final MethodDescriptor<byte[], byte[]> EXCHANGE = MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "Exchange"))
            .setRequestMarshaller(new Bytes()).setResponseMarshaller(new Bytes()).build();

    private PeerUnsealGrpc() {
    }

    /** The status a refusal travels as. */
    static StatusRuntimeException toStatus(PeerUnsealRefusedException refused) {
        Status status = refused.kind().isTransient() ? Status.FAILED_PRECONDITION : Status.PERMISSION_DENIED;
        return status.withDescription(refused.kind().name() + ": " + refused.getMessage()).asRuntimeException();
    }

    /** The refusal a status carries, if it is one. */
    static Optional<PeerUnsealRefusedException> refusal(StatusRuntimeException e) {
        String description = e.getStatus().getDescription();
        if (description == null || (e.getStatus().getCode() != Status.Code.FAILED_PRECONDITION
                && e.getStatus().getCode() != Status.Code.PERMISSION_DENIED)) {
            return Optional.empty();
        }
        int colon = description.indexOf(": ");
        try {
            PeerUnsealRefusedException.Kind kind = PeerUnsealRefusedException.Kind.valueOf(
                    description.substring(0, Math.max(0, colon)).toUpperCase(Locale.ROOT));
            return Optional.of(new PeerUnsealRefusedException(kind, description.substring(colon + 2)));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    /** Raw bytes, at most {@link PeerUnsealMessages#MAX_BYTES}. */
    private static final class Bytes implements MethodDescriptor.Marshaller<byte[]> {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                byte[] bytes = stream.readNBytes(PeerUnsealMessages.MAX_BYTES + 1);
                if (bytes.length > PeerUnsealMessages.MAX_BYTES) {
                    throw Status.INVALID_ARGUMENT.withDescription("message too long").asRuntimeException();
                }
                return bytes;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
