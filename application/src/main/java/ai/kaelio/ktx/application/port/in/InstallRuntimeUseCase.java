package ai.kaelio.ktx.application.port.in;

/** Makes sure this CLI version's runtime is installed with at least the requested features. */
public interface InstallRuntimeUseCase {
    InstallResult install(InstallRequest request) throws java.io.IOException, InterruptedException;
}
