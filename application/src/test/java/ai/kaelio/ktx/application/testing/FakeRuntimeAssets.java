package ai.kaelio.ktx.application.testing;

import ai.kaelio.ktx.application.port.out.RuntimeAssets;
import ai.kaelio.ktx.domain.AssetManifest;
import ai.kaelio.ktx.domain.PythonRequirement;
import java.nio.file.Path;
import java.util.Optional;

/** A bundled asset whose verification outcome and readable manifest are set by the test. */
public final class FakeRuntimeAssets implements RuntimeAssets {

    private AssetCheck check;
    private Optional<AssetManifest> manifest;
    private int verifications;

    private FakeRuntimeAssets(AssetCheck check, Optional<AssetManifest> manifest) {
        this.check = check;
        this.manifest = manifest;
    }

    public static FakeRuntimeAssets verified(AssetManifest manifest, Path wheelPath, PythonRequirement requiresPython) {
        return new FakeRuntimeAssets(new Verified(manifest, wheelPath, requiresPython), Optional.of(manifest));
    }

    /** Verification fails with {@code reason}; the manifest stays readable unless changed with {@link #readableManifest}. */
    public synchronized FakeRuntimeAssets reject(String reason) {
        check = new Rejected(reason);
        return this;
    }

    public synchronized FakeRuntimeAssets readableManifest(Optional<AssetManifest> readable) {
        manifest = readable;
        return this;
    }

    public synchronized int verifications() {
        return verifications;
    }

    @Override
    public synchronized AssetCheck verify() {
        verifications++;
        return check;
    }

    @Override
    public synchronized Optional<AssetManifest> readManifest() {
        return manifest;
    }
}
