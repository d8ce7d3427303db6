package dev.interviewcoach.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code coach config}: tools for the configuration. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Check the configuration.",
        subcommands = {ConfigCheckCommand.class})
final class ConfigCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
