package ai.kaelio.ktx.adapters.cli.command;

import ai.kaelio.ktx.adapters.cli.commandline.CommandModels;
import ai.kaelio.ktx.adapters.cli.commandline.DeclaredCommand;
import ai.kaelio.ktx.adapters.cli.output.RuntimeUnavailableOutput;
import ai.kaelio.ktx.adapters.cli.terminal.ExitCodes;
import ai.kaelio.ktx.application.port.in.LocateCommandUseCase;
import ai.kaelio.ktx.application.port.in.LocateResult;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code ktx runtime which CMD}: the program {@code exec} would run, for scripts that call it themselves. */
final class WhichCommand implements Callable<Integer>, DeclaredCommand {

    static final String NAME = "which";

    private final PositionalParamSpec command = PositionalParamSpec.builder().index("0").arity("1").required(true)
            .type(String.class).paramLabel("COMMAND")
            .description("A program name (searched in the runtime's bin, then on PATH) or a path.").build();
    private final CommandSpec model = CommandModels.command(this, NAME,
            "Print the absolute path of the program that 'ktx runtime exec' would run for COMMAND; never installs.",
            command);

    private final Provider<LocateCommandUseCase> locate;

    @Inject
    WhichCommand(Provider<LocateCommandUseCase> locate) {
        this.locate = locate;
        model.usageMessage().footer("", "Exits 127 if the command is not found; 1 if the runtime is not ready.");
    }

    @Override
    public CommandSpec model() {
        return model;
    }

    @Override
    public Integer call() throws Exception {
        String name = command.getValue();
        var err = model.commandLine().getErr();
        LocateResult result = locate.get().locate(name);
        if (result instanceof LocateResult.Found found) {
            model.commandLine().getOut().println(found.program());
            return ExitCodes.OK;
        }
        if (result instanceof LocateResult.CommandNotFound) {
            err.println("Command not found: " + name);
            return ExitCodes.COMMAND_NOT_FOUND;
        }
        if (result instanceof LocateResult.RuntimeUnavailable unavailable) {
            return RuntimeUnavailableOutput.print(unavailable.reason(), err, err);
        }
        throw new AssertionError(result);
    }
}
