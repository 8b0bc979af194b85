package ai.kaelio.ktx.application.testing;

import ai.kaelio.ktx.application.port.in.InstallObserver;
import ai.kaelio.ktx.domain.InstallStep;
import ai.kaelio.ktx.domain.LockHolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Remembers what an install told its front end. */
public final class RecordingInstallObserver implements InstallObserver {

    /** One {@link #waitingForLock} notice. */
    public record Wait(Path lockPath, Optional<LockHolder> holder) {
    }

    private final List<InstallStep> steps = new ArrayList<>();
    private final List<Wait> waits = new ArrayList<>();

    @Override
    public synchronized void waitingForLock(Path lockPath, Optional<LockHolder> holder) {
        waits.add(new Wait(lockPath, holder));
    }

    @Override
    public synchronized void stepStarted(InstallStep step) {
        steps.add(step);
    }

    public synchronized List<InstallStep> steps() {
        return List.copyOf(steps);
    }

    public synchronized List<Wait> waits() {
        return List.copyOf(waits);
    }
}
