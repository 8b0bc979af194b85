package ai.kaelio.ktx.application.port.out;

import ai.kaelio.ktx.domain.InstalledManifest;
import java.io.IOException;
import java.nio.file.Path;

/** Reads and commits installed manifests. */
public interface ManifestStore {

    /** Never throws for bad content: whatever is wrong with the file becomes {@link Invalid}. */
    ManifestRead read(Path manifestPath);

    /** Replaces the manifest atomically: readers see the old one or the new one, never a mix. */
    void write(Path manifestPath, InstalledManifest manifest) throws IOException;

    sealed interface ManifestRead {
    }

    record Absent() implements ManifestRead {
    }

    record Invalid(String reason) implements ManifestRead {
    }

    record Present(InstalledManifest manifest) implements ManifestRead {
    }
}
