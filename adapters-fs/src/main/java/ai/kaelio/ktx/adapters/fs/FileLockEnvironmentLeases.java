package ai.kaelio.ktx.adapters.fs;

import ai.kaelio.ktx.application.port.out.EnvironmentLeases;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Leases as OS file locks on a file inside the environment ({@value #LEASE_FILE}): shared for a command
 * that runs there, exclusive for the install that removes it. The file goes with the environment, and the
 * OS releases a lock when its holder dies.
 */
final class FileLockEnvironmentLeases implements EnvironmentLeases {

    static final String LEASE_FILE = "ktx-in-use.lock";

    private static final Lease NOTHING_RECORDED = () -> { };

    @Inject
    FileLockEnvironmentLeases() {
    }

    @Override
    public Optional<Lease> share(Path venvDir) {
        Path leaseFile = venvDir.resolve(LEASE_FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(leaseFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (NoSuchFileException | NotDirectoryException e) {
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Files.isDirectory(venvDir) ? Optional.of(NOTHING_RECORDED) : Optional.empty();
        }
        Optional<Lease> lease = lock(channel, true);
        // Locked after the remover had deleted the environment and let go: the lock is on a removed file.
        if (lease.isPresent() && !Files.exists(leaseFile)) {
            lease.get().close();
            return Optional.empty();
        }
        return lease;
    }

    @Override
    public Optional<Lease> claim(Path venvDir) {
        try {
            FileChannel channel = FileChannel.open(venvDir.resolve(LEASE_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            return lock(channel, false);
        } catch (IOException | UnsupportedOperationException e) {
            // No lease can be recorded there, so none is held: removal proceeds as it would have.
            return Optional.of(NOTHING_RECORDED);
        }
    }

    private static Optional<Lease> lock(FileChannel channel, boolean shared) {
        try {
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, shared);
            if (lock != null) {
                return Optional.of(() -> closeQuietly(channel));
            }
        } catch (OverlappingFileLockException e) {
            // Held by this very JVM in a way that excludes us.
        } catch (IOException e) {
            // A file system without locks: nothing can be recorded, so go on as if there were no leases.
            closeQuietly(channel);
            return Optional.of(NOTHING_RECORDED);
        }
        closeQuietly(channel);
        return Optional.empty();
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing releases the lock whatever the outcome.
        }
    }
}
