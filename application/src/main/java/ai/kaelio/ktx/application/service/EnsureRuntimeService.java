package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.application.port.in.EnsureRequest;
import ai.kaelio.ktx.application.port.in.EnsureResult;
import ai.kaelio.ktx.application.port.in.EnsureRuntimeUseCase;
import ai.kaelio.ktx.application.port.in.InstallConsent;
import ai.kaelio.ktx.application.port.in.InstallRequest;
import ai.kaelio.ktx.application.port.in.InstallResult;
import ai.kaelio.ktx.application.port.in.InstallRuntimeUseCase;
import ai.kaelio.ktx.application.port.out.RuntimeAssets;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.RuntimeStatus;
import java.io.IOException;
import java.util.Optional;

/**
 * The install-consent policy: a ready runtime is used as it is; otherwise {@code --yes} installs (or
 * repairs), {@code --no-input} refuses, and without either the user is asked, and never answered for.
 */
public final class EnsureRuntimeService implements EnsureRuntimeUseCase {

    private final RuntimeInspector inspector;
    private final RuntimeAssets assets;
    private final InstallRuntimeUseCase install;

    public EnsureRuntimeService(RuntimeInspector inspector, RuntimeAssets assets, InstallRuntimeUseCase install) {
        this.inspector = inspector;
        this.assets = assets;
        this.install = install;
    }

    @Override
    public EnsureResult ensure(EnsureRequest request) throws IOException, InterruptedException {
        RuntimeStatus status = inspector.inspect(assets.readManifest());
        if (status instanceof RuntimeStatus.Ready ready && ready.installed().features().covers(request.features())) {
            return new EnsureResult.Ready(ready.layout(), ready.installed(), false);
        }
        FeatureSet wanted = request.features().union(status.manifest().map(m -> m.features()).orElse(FeatureSet.core()));
        if (request.consent() == InstallConsent.NEVER) {
            return new EnsureResult.NotAllowed(status, request.features());
        }
        if (request.consent() == InstallConsent.ASK) {
            Optional<Boolean> answer = request.confirmation().ask("Install the KTX Python runtime (" + wanted + ") now? [y/N]");
            if (answer.isEmpty()) {
                return new EnsureResult.NotAllowed(status, request.features());
            }
            if (!answer.get()) {
                return new EnsureResult.Declined(request.features());
            }
        }
        InstallResult result = install.install(InstallRequest.of(wanted).observedBy(request.observer()));
        if (result instanceof InstallResult.Installed installed) {
            return new EnsureResult.Ready(installed.layout(), installed.manifest(), true);
        }
        if (result instanceof InstallResult.AlreadyReady ready) {
            return new EnsureResult.Ready(ready.layout(), ready.manifest(), false);
        }
        return new EnsureResult.InstallFailed(result);
    }
}
