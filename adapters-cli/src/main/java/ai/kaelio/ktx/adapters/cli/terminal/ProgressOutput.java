package ai.kaelio.ktx.adapters.cli.terminal;

import ai.kaelio.ktx.application.port.in.InstallObserver;
import ai.kaelio.ktx.domain.InstallStep;
import ai.kaelio.ktx.domain.LockHolder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An install's progress on stderr, one plain line per step, which reads well in logs, or (for
 * {@code --json}) nothing but the lock notice. {@link InstallProgress} picks it or the live one.
 */
public class ProgressOutput implements InstallObserver {

    protected final PrintWriter err;
    private final WaitNotice waitNotice;
    private final boolean stepLines;

    ProgressOutput(PrintWriter err, boolean stepLines) {
        this.err = err;
        this.waitNotice = new WaitNotice(err);
        this.stepLines = stepLines;
    }

    @Override
    public void stepStarted(InstallStep step) {
        if (stepLines) {
            err.println(step.label() + "…");
            err.flush();
        }
    }

    @Override
    public void waitingForLock(Path lockPath, Optional<LockHolder> holder) {
        waitNotice.waitingForLock(lockPath, holder);
    }

    /** The install is over, one way or another: stop drawing and leave stderr ready for its result. */
    public void finish(boolean succeeded) {
        err.flush();
    }
}
