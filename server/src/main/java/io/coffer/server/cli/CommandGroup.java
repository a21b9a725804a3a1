package io.coffer.server.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A command that only holds subcommands ({@code operator}, {@code kv}, ...): alone, it prints its usage. */
abstract class CommandGroup implements Runnable {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
