package io.coffer.server;

import io.coffer.server.config.ConfigException;
import io.coffer.server.config.ConfigLoader;
import io.coffer.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code coffer server -config=FILE} and {@code coffer server -dev}: starts a node and runs until SIGINT/SIGTERM.
 * Option names follow {@code vault server}.
 */
@Command(name = "server", description = "Start a Coffer server (as 'vault server').")
public final class ServerCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServerCommand.class);

    @Option(names = {"-config", "--config"}, description = "Path to a configuration file or directory (repeatable).")
    private List<Path> configs = new ArrayList<>();

    @Option(names = {"-dev", "--dev"}, description = "Development mode: one node, initialised, unsealed, in memory.")
    private boolean dev;

    @Option(names = {"-dev-root-token-id", "--dev-root-token-id"}, description = "Root token to use in -dev mode.")
    private String devRootTokenId;

    @Option(names = {"-dev-listen-address", "--dev-listen-address"}, defaultValue = "127.0.0.1:8200",
            description = "Address the -dev server listens on.")
    private String devListenAddress;

    @Option(names = {"-dev-kv-v1", "--dev-kv-v1"}, description = "Mount secret/ as KV version 1 in -dev mode.")
    private boolean devKvV1;

    @Override
    public Integer call() {
        CofferNode node;
        try {
            if (dev) {
                node = DevMode.start(devListenAddress, devRootTokenId, devKvV1);
            } else if (!configs.isEmpty()) {
                ServerConfig config = ConfigLoader.load(configs);
                config.warnings().forEach(w -> LOG.warn("config: {}", w));
                node = CofferNode.start(ConfigSettings.from(config));
            } else {
                System.err.println("Error: either -config=FILE or -dev is required");
                return 1;
            }
        } catch (ConfigException e) {
            System.err.println("Error loading configuration: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            LOG.debug("start-up failure", e);
            System.err.println("Error starting the server: " + e.getMessage());
            return 1;
        }
        awaitShutdown(node);
        return 0;
    }

    private static void awaitShutdown(CofferNode node) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down");
            node.close();
            stopped.countDown();
        }, "shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
