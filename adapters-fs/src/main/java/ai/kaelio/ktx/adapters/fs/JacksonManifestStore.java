package ai.kaelio.ktx.adapters.fs;

import ai.kaelio.ktx.application.port.out.ManifestStore;
import ai.kaelio.ktx.domain.InstalledManifest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;

/** Installed manifests as JSON files, replaced atomically. */
final class JacksonManifestStore implements ManifestStore {

    @Inject
    JacksonManifestStore() {
    }

    @Override
    public ManifestRead read(Path manifestPath) {
        try {
            return new Present(ManifestJson.installed(JsonFields.root(JsonDocuments.read(manifestPath))));
        } catch (JsonShapeException | IllegalArgumentException e) {
            return new Invalid(e.getMessage());
        } catch (IOException e) {
            return FileAbsence.means(manifestPath, e) ? new Absent() : new Invalid(FileAbsence.unreadable(manifestPath, e));
        }
    }

    @Override
    public void write(Path manifestPath, InstalledManifest manifest) throws IOException {
        AtomicFiles.write(manifestPath, JsonDocuments.write(ManifestJson.toJson(manifest)));
    }
}
