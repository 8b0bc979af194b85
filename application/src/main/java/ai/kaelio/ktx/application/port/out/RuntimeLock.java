package ai.kaelio.ktx.application.port.out;

import ai.kaelio.ktx.domain.LockHolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An exclusive lock per runtime version, held across processes and across threads of one process.
 * The holder's pid and start time are recorded so that waiters can say whom they wait for.
 */
public interface RuntimeLock {

    /** Blocks until the lock is ours, calling {@code onWait} once first if someone else holds it. */
    Handle acquire(Path lockPath, String purpose, Consumer<Optional<LockHolder>> onWait)
            throws IOException, InterruptedException;

    /** The lock if it is free now; empty if someone else holds it. */
    Optional<Handle> tryAcquire(Path lockPath, String purpose) throws IOException;

    interface Handle extends AutoCloseable {
        @Override
        void close();
    }
}
