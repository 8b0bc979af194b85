package ai.kaelio.ktx.adapters.process;

import ai.kaelio.ktx.application.port.out.EnvironmentProvisioners;
import ai.kaelio.ktx.domain.ProvisionerChoice;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Path;
import java.util.Optional;

/** auto: uv when found, else venv; uv: uv or a clear refusal; venv: venv. */
final class ProcessEnvironmentProvisioners implements EnvironmentProvisioners {

    static final String UV_REQUIRED = "uv is required to install the KTX Python runtime."
            + " Install uv and retry: ktx runtime install --yes";

    private final UvLocator uvLocator;
    private final CommandRunner runner;
    private final DaemonLauncherCheck launcher;
    private final Provider<VenvProvisioner> venv;

    @Inject
    ProcessEnvironmentProvisioners(UvLocator uvLocator, CommandRunner runner, DaemonLauncherCheck launcher,
                                   Provider<VenvProvisioner> venv) {
        this.uvLocator = uvLocator;
        this.runner = runner;
        this.launcher = launcher;
        this.venv = venv;
    }

    @Override
    public Selection select(ProvisionerChoice choice) {
        Optional<Path> uv = choice == ProvisionerChoice.VENV ? Optional.empty() : uvLocator.locate();
        if (uv.isPresent()) {
            return new Selected(new UvProvisioner(uv.get(), runner, launcher));
        }
        if (choice == ProvisionerChoice.UV) {
            return new Unavailable(UV_REQUIRED);
        }
        return new Selected(venv.get());
    }
}
