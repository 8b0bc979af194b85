package ai.kaelio.ktx.adapters.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ktx runtime}. Its subcommands are declared in {@link CommandHierarchy}. */
@Command(
        name = "runtime",
        mixinStandardHelpOptions = true,
        versionProvider = CliVersionProvider.class,
        description = "Install, inspect, diagnose and prune the managed Python runtime; run commands and its daemon in it.")
final class RuntimeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "Missing subcommand: choose one of " + String.join(", ", spec.subcommands().keySet()));
    }
}
