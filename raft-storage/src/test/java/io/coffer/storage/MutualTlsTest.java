package io.coffer.storage;

import static io.coffer.storage.TestNodes.put;
import static io.coffer.storage.TestNodes.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.util.TimeDuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster port with mutual TLS (certificates made here with the openssl CLI: an EC P-256 CA, node certificates
 * with an IP SAN and EKU serverAuth+clientAuth). Peers replicate and forward writes over it; a client without a
 * certificate is refused.
 */
class MutualTlsTest {

    @TempDir
    Path dir;

    private final List<RaftStorage> nodes = new ArrayList<>();

    @AfterEach
    void closeNodes() {
        TestNodes.closeAll(nodes);
    }

    private static void openssl(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("openssl " + String.join(" ", args) + " failed: "
                    + new String(p.getInputStream().readAllBytes()));
        }
    }

    private static void makeCa(Path certs) throws IOException, InterruptedException {
        openssl(certs, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ca.key");
        openssl(certs, "req", "-x509", "-new", "-key", "ca.key", "-subj", "/CN=coffer-test-ca", "-days", "1",
                "-out", "ca.crt");
    }

    private static GrpcTlsConfig nodeTls(Path certs, String id, String ip) throws IOException, InterruptedException {
        openssl(certs, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", id + ".key");
        openssl(certs, "req", "-new", "-key", id + ".key", "-subj", "/CN=" + id, "-out", id + ".csr");
        Files.writeString(certs.resolve(id + ".ext"), "subjectAltName=IP:" + ip + "\n"
                + "extendedKeyUsage=serverAuth,clientAuth\nbasicConstraints=CA:FALSE\n"
                + "keyUsage=digitalSignature,keyEncipherment\n");
        openssl(certs, "x509", "-req", "-in", id + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "1", "-extfile", id + ".ext", "-out", id + ".crt");
        File f = certs.toFile();
        return new GrpcTlsConfig(new File(f, id + ".key"), new File(f, id + ".crt"), new File(f, "ca.crt"), true);
    }

    @Test
    void peersReplicateOverMutualTlsAndRefuseClientsWithoutCertificate() throws Exception {
        Path certs = Files.createDirectories(dir.resolve("certs"));
        makeCa(certs);
        RaftNodeConfig t1 = TestNodes.config(dir, "t1", "127.0.0.41").tls(nodeTls(certs, "t1", "127.0.0.41")).build();
        RaftNodeConfig t2 = TestNodes.config(dir, "t2", "127.0.0.42").tls(nodeTls(certs, "t2", "127.0.0.42")).build();
        ClusterTest.startCluster(List.of(t1, t2), nodes);
        RaftStorage follower = nodes.get(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> follower.status().peers().size() == 2);

        put(follower, "tls/forwarded", "ciphertext");
        assertThat(text(follower.get("tls/forwarded"))).isEqualTo("ciphertext");
        await().atMost(Duration.ofSeconds(10)).until(() -> nodes.get(0).get("tls/forwarded").isPresent());

        RaftProperties props = new RaftProperties();
        RaftClientConfigKeys.Rpc.setRequestTimeout(props, TimeDuration.valueOf(1, TimeUnit.SECONDS));
        RaftGroup group = RaftGroup.valueOf(RaftGroupId.valueOf(follower.groupId()),
                RatisConfig.peer(t1.nodeId(), t1.address()));
        try (RaftClient plain = RaftClient.newBuilder().setProperties(props).setRaftGroup(group)
                .setRetryPolicy(RetryPolicies.noRetry()).build()) {
            assertThatThrownBy(() -> plain.io().send(Message.EMPTY)).isInstanceOf(IOException.class);
        }
    }
}
