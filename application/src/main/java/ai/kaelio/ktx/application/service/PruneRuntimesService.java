package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.application.port.in.PruneRequest;
import ai.kaelio.ktx.application.port.in.PruneRuntimesUseCase;
import ai.kaelio.ktx.application.port.out.RuntimeFiles;
import ai.kaelio.ktx.application.port.out.RuntimeLock;
import ai.kaelio.ktx.domain.CliVersion;
import ai.kaelio.ktx.domain.DaemonState;
import ai.kaelio.ktx.domain.PruneResult;
import ai.kaelio.ktx.domain.RuntimeLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prune: removes the runtime directories of other CLI versions. Only real directories directly under
 * the root whose names are versions are candidates; links, files and other names are never touched.
 * Each candidate is re-checked under its version's lock, so an install in progress is never cut short,
 * and a version whose daemon runs is kept.
 */
public final class PruneRuntimesService implements PruneRuntimesUseCase {

    static final String IN_PROGRESS = "install in progress";
    static final String SYMBOLIC_LINK = "symbolic link, not followed";
    static final String DAEMON_RUNNING = "daemon running";

    private final RuntimeLayout layout;
    private final RuntimeFiles files;
    private final RuntimeLock lock;
    private final DaemonInspector daemons;

    public PruneRuntimesService(RuntimeLayout layout, RuntimeFiles files, RuntimeLock lock, DaemonInspector daemons) {
        this.layout = layout;
        this.files = files;
        this.lock = lock;
        this.daemons = daemons;
    }

    @Override
    public PruneResult prune(PruneRequest request) throws IOException {
        List<Path> stale = new ArrayList<>();
        List<PruneResult.Kept> kept = new ArrayList<>();
        List<PruneResult.Failed> failed = new ArrayList<>();
        for (RuntimeFiles.Entry entry : files.list(layout.runtimeRoot())) {
            String name = entry.name();
            if (!CliVersion.isVersionName(name) || name.equals(layout.cliVersion().value())) {
                continue;
            }
            if (entry.type() == RuntimeFiles.EntryType.SYMBOLIC_LINK) {
                kept.add(new PruneResult.Kept(entry.path(), SYMBOLIC_LINK));
            } else if (entry.type() == RuntimeFiles.EntryType.DIRECTORY) {
                pruneUnderLock(entry.path(), name, request.dryRun(), stale, kept, failed);
            }
        }
        return new PruneResult(layout.runtimeRoot(), request.dryRun(), stale, kept, failed);
    }

    private void pruneUnderLock(Path directory, String version, boolean dryRun,
            List<Path> stale, List<PruneResult.Kept> kept, List<PruneResult.Failed> failed) throws IOException {
        Optional<RuntimeLock.Handle> held = lock.tryAcquire(layout.lockPath(version), "prune");
        if (held.isEmpty()) {
            kept.add(new PruneResult.Kept(directory, IN_PROGRESS));
            return;
        }
        try (RuntimeLock.Handle ignored = held.get()) {
            // It was a directory when listed; it must still be one, not a link swapped in since.
            if (files.typeOf(directory) != RuntimeFiles.EntryType.DIRECTORY) {
                kept.add(new PruneResult.Kept(directory, "changed while pruning"));
                return;
            }
            // A daemon is started and recorded under this same lock, so none can appear before we delete.
            if (daemons.inspect(layout.daemonStatePath(version)) instanceof DaemonState.Running) {
                kept.add(new PruneResult.Kept(directory, DAEMON_RUNNING));
                return;
            }
            if (!dryRun) {
                files.deleteTree(directory);
            }
            stale.add(directory);
        } catch (IOException e) {
            failed.add(new PruneResult.Failed(directory, describe(e)));
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
