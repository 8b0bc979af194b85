package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.application.port.out.EnvironmentLeases;
import ai.kaelio.ktx.application.port.out.RuntimeFiles;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.RuntimeLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tidies a version directory under its lock: environments of dead or failed attempts go with their logs,
 * the committed one stays, and so does a replaced one that a command still runs in (it holds a lease).
 * Removal is best effort: an orphaned pip may still be writing into a dead attempt, and whatever survives
 * is removed by the next install.
 */
public final class EnvironmentCleaner {

    private final RuntimeLayout layout;
    private final RuntimeFiles files;
    private final EnvironmentLeases leases;

    public EnvironmentCleaner(RuntimeLayout layout, RuntimeFiles files, EnvironmentLeases leases) {
        this.layout = layout;
        this.files = files;
        this.leases = leases;
    }

    void prepareVersionDir() throws IOException {
        files.createDirectories(layout.versionDir());
    }

    /** The first directory of the runtime that other users could write to, if any. */
    Optional<Path> exposedDirectory() {
        for (Path directory : java.util.List.of(layout.runtimeRoot(), layout.versionDir())) {
            if (files.writableByOthers(directory)) {
                return Optional.of(directory);
            }
        }
        return Optional.empty();
    }

    void removeLeftovers(Optional<EnvironmentLayout> committed) throws IOException {
        Optional<Path> keep = committed.map(environment -> environment.venvDir().normalize());
        Optional<Path> committedLog = committed.flatMap(layout::attemptLogPath);
        for (RuntimeFiles.Entry entry : files.list(layout.versionDir())) {
            if (EnvironmentRemoval.isEnvironment(entry) && !keep.equals(Optional.of(entry.path().normalize()))) {
                Optional<EnvironmentLeases.Lease> unused = leases.claim(entry.path());
                if (unused.isPresent()) {
                    try (EnvironmentLeases.Lease claimed = unused.get()) {
                        deleteQuietly(EnvironmentRemoval.setAside(files, entry.path()));
                    }
                }
            } else if (EnvironmentRemoval.isSetAside(entry)) {
                deleteQuietly(entry.path());
            } else if (RuntimeLayout.isAttemptLogName(entry.name()) && entry.type() == RuntimeFiles.EntryType.FILE) {
                removeLeftoverLog(entry.path(), committedLog);
            }
        }
    }

    /**
     * An attempt's log goes with its environment. The committed attempt's own log is still there only when its
     * install ended between the commit and the rename: that rename is finished now.
     */
    private void removeLeftoverLog(Path log, Optional<Path> committedLog) {
        if (committedLog.equals(Optional.of(log.normalize()))) {
            adoptLog(log);
        } else {
            deleteQuietly(log);
        }
    }

    /**
     * Makes a committed attempt's log the runtime's {@code install.log}, in one rename. Until then the previous
     * runtime's log stays whole, whatever happens to the attempt.
     */
    void adoptLog(Path attemptLog) {
        try {
            files.rename(attemptLog, layout.installLogPath());
        } catch (IOException e) {
            // The log stays under the attempt's name, and the next install renames it; not worth failing a commit for.
        }
    }

    /** Removes the log of an attempt that no message points at (refused or cancelled). */
    void discardLog(Path attemptLog) {
        if (layout.isInsideVersionDir(attemptLog) && RuntimeLayout.isAttemptLogName(attemptLog.getFileName().toString())) {
            deleteQuietly(attemptLog);
        }
    }

    void discard(EnvironmentLayout environment) {
        Path venv = environment.venvDir();
        boolean ours = layout.isInsideVersionDir(venv)
                && venv.getFileName().toString().startsWith(RuntimeLayout.ENVIRONMENT_PREFIX);
        if (ours) {
            deleteQuietly(venv);
        }
    }

    Optional<String> missingExecutable(EnvironmentLayout environment) {
        if (!files.isRegularFile(environment.pythonPath())) {
            return Optional.of("Missing Python executable after provisioning: " + environment.pythonPath());
        }
        if (!files.isRegularFile(environment.daemonPath())) {
            return Optional.of("Missing ktx-daemon executable after provisioning: " + environment.daemonPath());
        }
        return Optional.empty();
    }

    private void deleteQuietly(Path path) {
        try {
            files.deleteTree(path);
        } catch (IOException e) {
            // Left for the next install under the lock; never worth failing this one for.
        }
    }
}
