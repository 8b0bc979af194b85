package ai.kaelio.ktx.adapters.cli;

import ai.kaelio.ktx.application.port.in.InstallRequest;
import ai.kaelio.ktx.application.port.in.InstallResult;
import ai.kaelio.ktx.application.port.in.InstallRuntimeUseCase;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "install", mixinStandardHelpOptions = true, versionProvider = CliVersionProvider.class,
        description = "Install the bundled Python runtime for this ktx version (reuses a ready one).")
final class InstallCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FeatureOption features;

    @Mixin
    ProvisionerOption provisioner;

    @Option(names = "--force", description = "Rebuild even if a ready runtime exists (keeps its features).")
    boolean force;

    @Option(names = "--yes", description = "Answer yes to any question (install asks none today).")
    boolean yes;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    private final Provider<InstallRuntimeUseCase> install;
    private final Provider<HostTerminal> terminal;

    @Inject
    InstallCommand(Provider<InstallRuntimeUseCase> install, Provider<HostTerminal> terminal) {
        this.install = install;
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        ProgressOutput progress = ProgressOutput.forInstall(spec.commandLine().getErr(), terminal.get(), json);
        var request = new InstallRequest(features.toFeatureSet(), force, provisioner.choice(), progress);
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
        return new InstallOutput(spec.commandLine().getOut(), spec.commandLine().getErr(), json).print(result);
    }
}
