package ai.kaelio.ktx.adapters.cli.command;

import ai.kaelio.ktx.adapters.cli.commandline.CommandModels;
import ai.kaelio.ktx.adapters.cli.commandline.DeclaredCommand;
import ai.kaelio.ktx.adapters.cli.commandline.FailureHandler;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/** {@code ktx} itself. Its subcommands are declared in {@link Commands}. */
final class KtxCommand implements Callable<Integer>, DeclaredCommand {

    static final String NAME = "ktx";
    private final CommandSpec model = CommandModels.command(this, NAME, "Manages the versioned Python runtime that ktx runs on.",
            OptionSpec.builder(FailureHandler.STACKTRACE).type(boolean.class).initialValue(false).scopeType(ScopeType.INHERIT)
                    .description("Show the full stack trace when a command fails unexpectedly.").build());

    @Override
    public CommandSpec model() {
        return model;
    }

    /** No command given: the shell on a terminal, a usage error otherwise. */
    @Override
    public Integer call() throws Exception {
        ShellCommand shell = model.commandLine().getSubcommands().get(ShellCommand.NAME).getCommand();
        return shell.startForPlainKtx(model.commandLine());
    }
}
