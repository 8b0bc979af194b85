package ai.kaelio.ktx.adapters.cli;

import ai.kaelio.ktx.application.port.in.PruneRequest;
import ai.kaelio.ktx.application.port.in.PruneRuntimesUseCase;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "prune", mixinStandardHelpOptions = true, versionProvider = CliVersionProvider.class,
        description = "Remove the runtimes of other ktx versions (preview with --dry-run).")
final class PruneCommand implements Callable<Integer> {

    static final String REFUSAL = "Refusing to prune without --yes. Preview with: ktx runtime prune --dry-run";

    @Spec
    CommandSpec spec;

    @Option(names = "--dry-run", description = "List what would be removed; remove nothing.")
    boolean dryRun;

    @Option(names = "--yes", description = "Confirm the removal.")
    boolean yes;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    private final Provider<PruneRuntimesUseCase> prune;

    @Inject
    PruneCommand(Provider<PruneRuntimesUseCase> prune) {
        this.prune = prune;
    }

    @Override
    public Integer call() throws Exception {
        if (!dryRun && !yes) {
            spec.commandLine().getErr().println(REFUSAL);
            return ExitCodes.FAILED;
        }
        return new PruneOutput(spec.commandLine().getOut(), spec.commandLine().getErr(), json)
                .print(prune.get().prune(new PruneRequest(dryRun)));
    }
}
