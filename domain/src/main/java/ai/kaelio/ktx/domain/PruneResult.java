package ai.kaelio.ktx.domain;

import java.nio.file.Path;
import java.util.List;

/**
 * What prune found under the runtime root: the stale runtimes it removed (or would remove, on a dry
 * run), the ones it kept on purpose and why, and the ones it could not remove.
 */
public record PruneResult(Path runtimeRoot, boolean dryRun, List<Path> stale, List<Kept> kept, List<Failed> failed) {

    public PruneResult {
        stale = List.copyOf(stale);
        kept = List.copyOf(kept);
        failed = List.copyOf(failed);
    }

    public boolean nothingToDo() {
        return stale.isEmpty() && kept.isEmpty() && failed.isEmpty();
    }

    /** A version directory left in place on purpose. */
    public record Kept(Path path, String reason) {
    }

    /** A version directory that could not be removed. */
    public record Failed(Path path, String reason) {
    }
}
