package ai.kaelio.ktx.adapters.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code ktx} itself. Its subcommands are declared in {@link CommandHierarchy}. */
@Command(
        name = "ktx",
        mixinStandardHelpOptions = true,
        versionProvider = CliVersionProvider.class,
        description = "Manages the versioned Python runtime that ktx runs on.")
final class KtxCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT,
            description = "Show the full stack trace when a command fails unexpectedly.")
    boolean stacktrace;

    /** No command given: the shell on a terminal, a usage error otherwise. */
    @Override
    public Integer call() throws Exception {
        ShellCommand shell = spec.commandLine().getSubcommands().get("shell").getCommand();
        return shell.startForPlainKtx(spec.commandLine());
    }
}
