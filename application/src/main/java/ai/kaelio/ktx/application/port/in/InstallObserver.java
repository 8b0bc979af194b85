package ai.kaelio.ktx.application.port.in;

import ai.kaelio.ktx.domain.InstallStep;
import ai.kaelio.ktx.domain.LockHolder;
import java.nio.file.Path;
import java.util.Optional;

/** Hears what a running install is doing, so a front end can show progress or say why it waits. */
public interface InstallObserver {

    InstallObserver SILENT = new InstallObserver() {
    };

    /** Another process holds this version's lock; the install waits for it. The holder may be unknown. */
    default void waitingForLock(Path lockPath, Optional<LockHolder> holder) {
    }

    default void stepStarted(InstallStep step) {
    }
}
