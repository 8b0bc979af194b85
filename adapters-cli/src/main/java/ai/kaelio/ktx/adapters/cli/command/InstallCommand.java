package ai.kaelio.ktx.adapters.cli.command;

import ai.kaelio.ktx.adapters.cli.commandline.CommandModels;
import ai.kaelio.ktx.adapters.cli.commandline.DeclaredCommand;
import ai.kaelio.ktx.adapters.cli.output.InstallOutput;
import ai.kaelio.ktx.adapters.cli.terminal.HostTerminal;
import ai.kaelio.ktx.adapters.cli.terminal.InstallProgress;
import ai.kaelio.ktx.adapters.cli.terminal.ProgressOutput;
import ai.kaelio.ktx.application.port.in.InstallRequest;
import ai.kaelio.ktx.application.port.in.InstallResult;
import ai.kaelio.ktx.application.port.in.InstallRuntimeUseCase;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.ProvisionerChoice;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

final class InstallCommand implements Callable<Integer>, DeclaredCommand {

    static final String NAME = "install";

    private final ChoiceOption<Feature> features = RuntimeOptions.features();
    private final ChoiceOption<ProvisionerChoice> provisioner = RuntimeOptions.provisioner();
    private final OptionSpec force = CommandModels.flag("--force", "Rebuild even if a ready runtime exists (keeps its features).");
    private final OptionSpec yes = CommandModels.flag("--yes", "Answer yes to any question (install asks none today).");
    private final JsonOption json = new JsonOption("Print the result as JSON.");
    private final CommandSpec model = CommandModels.command(this, NAME,
            "Install the bundled Python runtime for this ktx version (reuses a ready one).",
            features.model(), provisioner.model(), force, yes, json.model());

    private final Provider<InstallRuntimeUseCase> install;
    private final Provider<HostTerminal> terminal;

    @Inject
    InstallCommand(Provider<InstallRuntimeUseCase> install, Provider<HostTerminal> terminal) {
        this.install = install;
        this.terminal = terminal;
    }

    @Override
    public CommandSpec model() {
        return model;
    }

    @Override
    public Integer call() throws Exception {
        boolean asJson = json.isSet();
        ProgressOutput progress = InstallProgress.forInstall(model.commandLine().getErr(), terminal.get(), asJson);
        var request = new InstallRequest(FeatureSet.of(features.values()), CommandModels.isSet(force), provisioner.value(), progress);
        InstallResult result = null;
        try {
            result = install.get().install(request);
        } finally {
            progress.finish(result instanceof InstallResult.Installed || result instanceof InstallResult.AlreadyReady);
        }
        if (result instanceof InstallResult.Failed && Thread.interrupted()) {
            // On a terminal Ctrl-C reaches the provisioner too, which may die before ktx sees the interrupt:
            // that failure is the cancellation, not a broken install. (Thrown, the interrupt is consumed.)
            throw new InterruptedException("install cancelled");
        }
        return new InstallOutput(model.commandLine().getOut(), model.commandLine().getErr(), asJson).print(result);
    }
}
