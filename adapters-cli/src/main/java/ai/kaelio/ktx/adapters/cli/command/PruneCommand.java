package ai.kaelio.ktx.adapters.cli.command;

import ai.kaelio.ktx.adapters.cli.commandline.CommandModels;
import ai.kaelio.ktx.adapters.cli.commandline.DeclaredCommand;
import ai.kaelio.ktx.adapters.cli.output.PruneOutput;
import ai.kaelio.ktx.adapters.cli.terminal.ExitCodes;
import ai.kaelio.ktx.application.port.in.PruneRequest;
import ai.kaelio.ktx.application.port.in.PruneRuntimesUseCase;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

final class PruneCommand implements Callable<Integer>, DeclaredCommand {

    static final String NAME = "prune";
    static final String REFUSAL = "Refusing to prune without --yes. Preview with: ktx runtime prune --dry-run";

    private final OptionSpec dryRun = CommandModels.flag("--dry-run", "List what would be removed; remove nothing.");
    private final OptionSpec yes = CommandModels.flag("--yes", "Confirm the removal.");
    private final JsonOption json = new JsonOption("Print the result as JSON.");
    private final CommandSpec model = CommandModels.command(this, NAME,
            "Remove the runtimes of other ktx versions (preview with --dry-run).", dryRun, yes, json.model());

    private final Provider<PruneRuntimesUseCase> prune;

    @Inject
    PruneCommand(Provider<PruneRuntimesUseCase> prune) {
        this.prune = prune;
    }

    @Override
    public CommandSpec model() {
        return model;
    }

    @Override
    public Integer call() throws Exception {
        boolean dryRunOnly = CommandModels.isSet(dryRun);
        if (!dryRunOnly && !CommandModels.isSet(yes)) {
            model.commandLine().getErr().println(REFUSAL);
            return ExitCodes.FAILED;
        }
        return new PruneOutput(model.commandLine().getOut(), model.commandLine().getErr(), json.isSet())
                .print(prune.get().prune(new PruneRequest(dryRunOnly)));
    }
}
