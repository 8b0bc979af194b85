package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.application.port.in.PruneRequest;
import ai.kaelio.ktx.application.port.in.PruneRuntimesUseCase;
import ai.kaelio.ktx.application.port.out.EnvironmentLeases;
import ai.kaelio.ktx.application.port.out.RuntimeFiles;
import ai.kaelio.ktx.application.port.out.RuntimeLock;
import ai.kaelio.ktx.domain.CliVersion;
import ai.kaelio.ktx.domain.PruneResult;
import ai.kaelio.ktx.domain.RuntimeLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prune: removes the runtime directories of other CLI versions. Only real directories directly under
 * the root whose names are versions are candidates; links, files and other names are never touched.
 * Each candidate is re-checked under its version's lock, so an install in progress is never cut short,
 * and a version whose daemon runs, or whose environment a command still runs in, is kept.
 */
public final class PruneRuntimesService implements PruneRuntimesUseCase {

    static final String IN_PROGRESS = "install in progress";
    static final String SYMBOLIC_LINK = "symbolic link, not followed";
    static final String DAEMON_RUNNING = "daemon running";
    static final String COMMAND_RUNNING = "a command runs in it";

    private final RuntimeLayout layout;
    private final RuntimeFiles files;
    private final RuntimeLock lock;
    private final DaemonInspector daemons;
    private final EnvironmentLeases leases;

    public PruneRuntimesService(RuntimeLayout layout, RuntimeFiles files, RuntimeLock lock, DaemonInspector daemons,
            EnvironmentLeases leases) {
        this.layout = layout;
        this.files = files;
        this.lock = lock;
        this.daemons = daemons;
        this.leases = leases;
    }

    @Override
    public PruneResult prune(PruneRequest request) throws IOException {
        List<RuntimeFiles.Entry> candidates = new ArrayList<>();
        for (RuntimeFiles.Entry entry : files.list(layout.runtimeRoot())) {
            String name = entry.name();
            if (CliVersion.isVersionName(name) && !name.equals(layout.cliVersion().value())) {
                candidates.add(entry);
            }
        }
        // Versions are independent (each has its own lock), and deleting is mostly waiting on the file
        // system, so they are pruned in parallel; the results keep the listing's order.
        List<Outcome> outcomes = candidates.parallelStream().map(entry -> outcome(entry, request.dryRun())).toList();
        List<Path> stale = new ArrayList<>();
        List<PruneResult.Kept> kept = new ArrayList<>();
        List<PruneResult.Failed> failed = new ArrayList<>();
        outcomes.forEach(outcome -> outcome.addTo(stale, kept, failed));
        return new PruneResult(layout.runtimeRoot(), request.dryRun(), stale, kept, failed);
    }

    private Outcome outcome(RuntimeFiles.Entry entry, boolean dryRun) {
        return switch (entry.type()) {
            case SYMBOLIC_LINK -> kept(entry.path(), SYMBOLIC_LINK);
            case DIRECTORY -> pruneUnderLock(entry.path(), entry.name(), dryRun);
            default -> (stale, kept, failed) -> { };
        };
    }

    private Outcome pruneUnderLock(Path directory, String version, boolean dryRun) {
        try {
            Optional<RuntimeLock.Handle> held = lock.tryAcquire(layout.lockPath(version), "prune");
            if (held.isEmpty()) {
                return kept(directory, IN_PROGRESS);
            }
            try (RuntimeLock.Handle ignored = held.get()) {
                // It was a directory when listed; it must still be one, not a link swapped in since.
                if (files.typeOf(directory) != RuntimeFiles.EntryType.DIRECTORY) {
                    return kept(directory, "changed while pruning");
                }
                // A daemon is started and recorded under this same lock, so none can appear before we delete.
                // One that no valid record names (damaged record, start cut short) counts too.
                if (!daemons.inspect(version).runningPids().isEmpty()) {
                    return kept(directory, DAEMON_RUNNING);
                }
                if (dryRun) {
                    // A dry run writes nothing, so it takes no claims: a command may still keep this version.
                    return (stale, kept, failed) -> stale.add(directory);
                }
                Map<Path, EnvironmentLeases.Lease> claims = new LinkedHashMap<>();
                try {
                    if (!claimEnvironments(directory, claims)) {
                        return kept(directory, COMMAND_RUNNING);
                    }
                    // Only once every one is claimed: a version kept must keep its environments where they are.
                    claims.keySet().forEach(environment -> EnvironmentRemoval.setAside(files, environment));
                    files.deleteTree(directory);
                } finally {
                    claims.values().forEach(EnvironmentLeases.Lease::close);
                }
                return (stale, kept, failed) -> stale.add(directory);
            }
        } catch (IOException e) {
            PruneResult.Failed failure = new PruneResult.Failed(directory, describe(e));
            return (stale, kept, failed) -> failed.add(failure);
        }
    }

    /** Claims every environment of a version for removal; false if a command (of that version) runs in one. */
    private boolean claimEnvironments(Path versionDir, Map<Path, EnvironmentLeases.Lease> claims) throws IOException {
        for (RuntimeFiles.Entry entry : files.list(versionDir)) {
            if (EnvironmentRemoval.isEnvironment(entry)) {
                Optional<EnvironmentLeases.Lease> claim = leases.claim(entry.path());
                if (claim.isEmpty()) {
                    return false;
                }
                claims.put(entry.path(), claim.get());
            }
        }
        return true;
    }

    private static Outcome kept(Path directory, String reason) {
        PruneResult.Kept keep = new PruneResult.Kept(directory, reason);
        return (stale, kept, failed) -> kept.add(keep);
    }

    /** What pruning one entry came to, added to the result's lists in the listing's order. */
    private interface Outcome {
        void addTo(List<Path> stale, List<PruneResult.Kept> kept, List<PruneResult.Failed> failed);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
