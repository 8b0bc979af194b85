package ai.kaelio.ktx.application.port.out;

import ai.kaelio.ktx.domain.AssetManifest;
import ai.kaelio.ktx.domain.PythonRequirement;
import java.nio.file.Path;
import java.util.Optional;

/** The wheel bundled with this distribution and its manifest. */
public interface RuntimeAssets {

    /** Checks the wheel's name, size and sha256 against the manifest (reading the wheel once per run). */
    AssetCheck verify();

    /** The manifest alone, without touching the wheel: cheap enough for status. Empty when unreadable. */
    Optional<AssetManifest> readManifest();

    sealed interface AssetCheck {
    }

    record Verified(AssetManifest manifest, Path wheelPath, PythonRequirement requiresPython) implements AssetCheck {
    }

    /** The bundled asset cannot be trusted; {@code reason} is one sentence for the user. */
    record Rejected(String reason) implements AssetCheck {
    }
}
