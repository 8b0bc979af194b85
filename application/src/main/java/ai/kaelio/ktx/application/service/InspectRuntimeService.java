package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.application.port.in.InspectRuntimeUseCase;
import ai.kaelio.ktx.application.port.out.RuntimeAssets;
import ai.kaelio.ktx.domain.RuntimeStatus;

/** Status: reads manifests and checks files; never hashes the wheel, starts a process, or changes anything. */
public final class InspectRuntimeService implements InspectRuntimeUseCase {

    private final RuntimeInspector inspector;
    private final RuntimeAssets assets;

    public InspectRuntimeService(RuntimeInspector inspector, RuntimeAssets assets) {
        this.inspector = inspector;
        this.assets = assets;
    }

    @Override
    public RuntimeStatus inspect() {
        return inspector.inspect(assets.readManifest());
    }
}
