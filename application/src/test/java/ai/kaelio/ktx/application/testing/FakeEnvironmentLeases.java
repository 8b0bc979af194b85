package ai.kaelio.ktx.application.testing;

import ai.kaelio.ktx.application.port.out.EnvironmentLeases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Leases counted in memory. Another process's lease is {@link #usedElsewhere}; {@link #removedUnderneath}
 * makes the next shares of an environment find it being removed, as after a reinstall.
 */
public final class FakeEnvironmentLeases implements EnvironmentLeases {

    private final Map<Path, Integer> shared = new HashMap<>();
    private final Map<Path, Runnable> removals = new HashMap<>();
    private final List<Path> claimed = new ArrayList<>();

    public synchronized FakeEnvironmentLeases usedElsewhere(Path venvDir) {
        shared.merge(venvDir.normalize(), 1, Integer::sum);
        return this;
    }

    /** The next share of {@code venvDir} finds it being removed, after {@code reinstall} replaced it. */
    public synchronized FakeEnvironmentLeases removedUnderneath(Path venvDir, Runnable reinstall) {
        removals.put(venvDir.normalize(), reinstall);
        return this;
    }

    public synchronized boolean isShared(Path venvDir) {
        return shared.getOrDefault(venvDir.normalize(), 0) > 0;
    }

    public synchronized List<Path> claimed() {
        return List.copyOf(claimed);
    }

    @Override
    public synchronized Optional<Lease> share(Path venvDir) {
        Path key = venvDir.normalize();
        Runnable reinstall = removals.remove(key);
        if (reinstall != null) {
            reinstall.run();
            return Optional.empty();
        }
        shared.merge(key, 1, Integer::sum);
        return Optional.of(() -> release(key));
    }

    @Override
    public synchronized Optional<Lease> claim(Path venvDir) {
        Path key = venvDir.normalize();
        if (isShared(key)) {
            return Optional.empty();
        }
        claimed.add(key);
        return Optional.of(() -> { });
    }

    private synchronized void release(Path key) {
        shared.merge(key, -1, Integer::sum);
    }
}
