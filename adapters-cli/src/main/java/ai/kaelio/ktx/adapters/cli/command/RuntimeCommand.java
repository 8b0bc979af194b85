package ai.kaelio.ktx.adapters.cli.command;

import ai.kaelio.ktx.adapters.cli.commandline.CommandModels;
import ai.kaelio.ktx.adapters.cli.commandline.DeclaredCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code ktx runtime}. Its subcommands are declared in {@link Commands}. */
final class RuntimeCommand implements Callable<Integer>, DeclaredCommand {

    static final String NAME = "runtime";

    private final CommandSpec model = CommandModels.command(this, NAME,
            "Install, inspect, diagnose and prune the managed Python runtime; run commands and its daemon in it.");

    @Override
    public CommandSpec model() {
        return model;
    }

    @Override
    public Integer call() {
        throw new ParameterException(model.commandLine(),
                "Missing subcommand: choose one of " + String.join(", ", model.subcommands().keySet()));
    }
}
