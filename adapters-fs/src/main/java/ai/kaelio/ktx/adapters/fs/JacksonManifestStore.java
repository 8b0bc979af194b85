package ai.kaelio.ktx.adapters.fs;

import ai.kaelio.ktx.application.port.out.ManifestStore;
import ai.kaelio.ktx.domain.InstalledManifest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
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
        } catch (NoSuchFileException | java.nio.file.NotDirectoryException e) {
            return new Absent();
        } catch (java.nio.file.FileSystemException e) {
            // A file where a directory of the path should be: no manifest can be there.
            return "Not a directory".equals(e.getReason()) ? new Absent() : new Invalid("cannot read " + manifestPath + " (" + e.getReason() + ")");
        } catch (JsonShapeException | IllegalArgumentException e) {
            return new Invalid(e.getMessage());
        } catch (IOException e) {
            return new Invalid("cannot read " + manifestPath + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public void write(Path manifestPath, InstalledManifest manifest) throws IOException {
        AtomicFiles.write(manifestPath, JsonDocuments.write(ManifestJson.toJson(manifest)));
    }
}
