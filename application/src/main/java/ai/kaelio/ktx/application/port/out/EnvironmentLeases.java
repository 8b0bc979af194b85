package ai.kaelio.ktx.application.port.out;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Who is using an environment right now, across processes: a command run in it holds a shared lease, and
 * an install removing a replaced environment must first claim it exclusively, so that it never deletes the
 * environment under a running {@code exec}. The OS drops a dead holder's lease.
 */
public interface EnvironmentLeases {

    /**
     * A shared lease on the environment, or empty when it is gone or being removed right now (the manifest
     * has moved on: read it again). Where no lease can be recorded (a runtime this user may not write to),
     * a lease that records nothing: only someone who may write there could remove it.
     */
    Optional<Lease> share(Path venvDir);

    /** The environment for removal if no one uses it; empty while someone holds a lease on it. */
    Optional<Lease> claim(Path venvDir);

    interface Lease extends AutoCloseable {
        @Override
        void close();
    }
}
