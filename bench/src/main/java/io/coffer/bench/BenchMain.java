package io.coffer.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code coffer-bench}: load and failover benchmarks against any Vault-API endpoint. */
@Command(name = "coffer-bench", mixinStandardHelpOptions = true,
        description = "Throughput and failover benchmarks for Vault-API servers (Coffer, Vault).",
        subcommands = {ThroughputCommand.class, FailoverCommand.class})
public final class BenchMain implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
