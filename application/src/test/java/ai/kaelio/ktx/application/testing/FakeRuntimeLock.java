package ai.kaelio.ktx.application.testing;

import ai.kaelio.ktx.application.port.out.RuntimeLock;
import ai.kaelio.ktx.domain.LockHolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Version locks for single-threaded tests. A lock can be "held elsewhere": a blocking
 * {@link #acquire} then reports that holder through {@code onWait}, runs the holder's work (what it did
 * before releasing) and takes the lock; {@link #tryAcquire} gives up. Taking a lock this caller
 * already holds is a test failure, since the services never nest locks.
 */
public final class FakeRuntimeLock implements RuntimeLock {

    /** One successful acquisition; {@code waited} when someone else held the lock first. */
    public record Acquisition(Path lockPath, String purpose, boolean waited) {
    }

    private record Foreign(Optional<LockHolder> holder, Runnable theirWork) {
    }

    private final Map<Path, Foreign> foreign = new HashMap<>();
    private final Set<Path> ours = new HashSet<>();
    private final List<Acquisition> acquisitions = new ArrayList<>();
    private Consumer<Path> whenAcquired = path -> { };

    public FakeRuntimeLock heldElsewhere(Path lockPath) {
        return heldElsewhere(lockPath, Optional.empty(), () -> { });
    }

    public synchronized FakeRuntimeLock heldElsewhere(Path lockPath, Optional<LockHolder> holder, Runnable theirWork) {
        foreign.put(lockPath.normalize(), new Foreign(holder, theirWork));
        return this;
    }

    /** Runs right after any acquisition, while the lock is held, e.g. to change the world under it. */
    public synchronized FakeRuntimeLock whenAcquired(Consumer<Path> hook) {
        whenAcquired = hook;
        return this;
    }

    public synchronized List<Acquisition> acquisitions() {
        return List.copyOf(acquisitions);
    }

    /** Whether this caller holds the lock now. */
    public synchronized boolean isHeld(Path lockPath) {
        return ours.contains(lockPath.normalize());
    }

    public synchronized boolean holdsAny() {
        return !ours.isEmpty();
    }

    @Override
    public Handle acquire(Path lockPath, String purpose, Consumer<Optional<LockHolder>> onWait) {
        Path key = lockPath.normalize();
        Foreign other;
        synchronized (this) {
            requireNotOurs(key);
            other = foreign.remove(key);
        }
        if (other != null) {
            onWait.accept(other.holder());
            other.theirWork().run();
        }
        return grant(key, purpose, other != null);
    }

    @Override
    public Optional<Handle> tryAcquire(Path lockPath, String purpose) {
        Path key = lockPath.normalize();
        synchronized (this) {
            requireNotOurs(key);
            if (foreign.containsKey(key)) {
                return Optional.empty();
            }
        }
        return Optional.of(grant(key, purpose, false));
    }

    private Handle grant(Path key, String purpose, boolean waited) {
        Consumer<Path> hook;
        synchronized (this) {
            ours.add(key);
            acquisitions.add(new Acquisition(key, purpose, waited));
            hook = whenAcquired;
        }
        hook.accept(key);
        return () -> {
            synchronized (FakeRuntimeLock.this) {
                ours.remove(key);
            }
        };
    }

    private void requireNotOurs(Path key) {
        if (ours.contains(key)) {
            throw new IllegalStateException("Lock taken twice by the same caller: " + key);
        }
    }
}
