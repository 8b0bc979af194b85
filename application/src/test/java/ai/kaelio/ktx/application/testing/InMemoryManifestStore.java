package ai.kaelio.ktx.application.testing;

import ai.kaelio.ktx.application.port.out.ManifestStore;
import ai.kaelio.ktx.domain.InstalledManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Installed manifests in a map, keyed by normalised path. A write replaces the whole entry at once, as
 * the real atomic write does. Manifests are not files in a {@link FakeRuntimeFiles} tree: removing a
 * version directory there leaves this store as it was.
 */
public final class InMemoryManifestStore implements ManifestStore {

    private final Map<Path, ManifestRead> stored = new HashMap<>();
    private final Deque<ManifestRead> scriptedReads = new ArrayDeque<>();
    private final List<InstalledManifest> written = new ArrayList<>();
    private IOException writeFailure;
    private Consumer<InstalledManifest> beforeWrite = manifest -> { };
    private int reads;

    public synchronized InMemoryManifestStore put(Path manifestPath, InstalledManifest manifest) {
        stored.put(manifestPath.normalize(), new Present(manifest));
        return this;
    }

    /** What {@code JacksonManifestStore} reports for a file it cannot accept. */
    public synchronized InMemoryManifestStore putInvalid(Path manifestPath, String reason) {
        stored.put(manifestPath.normalize(), new Invalid(reason));
        return this;
    }

    /** The next reads (of any path) return these, once each, before the stored state is consulted again. */
    public synchronized InMemoryManifestStore nextReadsReturn(ManifestRead... results) {
        scriptedReads.addAll(List.of(results));
        return this;
    }

    public synchronized InMemoryManifestStore failWritesWith(IOException failure) {
        writeFailure = failure;
        return this;
    }

    /** Runs just before a write commits, e.g. to look at what else exists at that moment. */
    public synchronized InMemoryManifestStore beforeWrite(Consumer<InstalledManifest> hook) {
        beforeWrite = hook;
        return this;
    }

    public synchronized Optional<InstalledManifest> manifestAt(Path manifestPath) {
        return stored.get(manifestPath.normalize()) instanceof Present present
                ? Optional.of(present.manifest())
                : Optional.empty();
    }

    /** Every manifest successfully written, in order. */
    public synchronized List<InstalledManifest> written() {
        return List.copyOf(written);
    }

    public synchronized int reads() {
        return reads;
    }

    @Override
    public synchronized ManifestRead read(Path manifestPath) {
        reads++;
        if (!scriptedReads.isEmpty()) {
            return scriptedReads.poll();
        }
        return stored.getOrDefault(manifestPath.normalize(), new Absent());
    }

    @Override
    public synchronized void write(Path manifestPath, InstalledManifest manifest) throws IOException {
        beforeWrite.accept(manifest);
        if (writeFailure != null) {
            throw writeFailure;
        }
        stored.put(manifestPath.normalize(), new Present(manifest));
        written.add(manifest);
    }
}
