package ai.kaelio.ktx.adapters.cli;

import ai.kaelio.ktx.application.port.in.InstallRequest;
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

    @Inject
    InstallCommand(Provider<InstallRuntimeUseCase> install) {
        this.install = install;
    }

    @Override
    public Integer call() throws Exception {
        var request = new InstallRequest(features.toFeatureSet(), force, provisioner.choice(),
                new WaitNotice(spec.commandLine().getErr()));
        return new InstallOutput(spec.commandLine().getOut(), spec.commandLine().getErr(), json)
                .print(install.get().install(request));
    }
}
