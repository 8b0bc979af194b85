package ai.kaelio.ktx.adapters.cli;

import ai.kaelio.ktx.application.port.in.InstallObserver;
import ai.kaelio.ktx.domain.InstallStep;
import ai.kaelio.ktx.domain.LockHolder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An install's progress on stderr, so long work never looks hung. On a terminal it is live (see
 * {@link LiveProgressOutput}); without one, one plain line per step, which reads well in logs; with
 * {@code --json} nothing but the lock notice, so scripts see only what they asked for.
 */
class ProgressOutput implements InstallObserver {

    protected final PrintWriter err;
    private final WaitNotice waitNotice;
    private final boolean stepLines;

    ProgressOutput(PrintWriter err, boolean stepLines) {
        this.err = err;
        this.waitNotice = new WaitNotice(err);
        this.stepLines = stepLines;
    }

    static ProgressOutput forInstall(PrintWriter err, HostTerminal terminal, boolean json) {
        if (json) {
            return new ProgressOutput(err, false);
        }
        if (terminal.interactive()) {
            return new LiveProgressOutput(err, terminal.colour(), System::nanoTime).startTicking();
        }
        return new ProgressOutput(err, true);
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
    void finish(boolean succeeded) {
        err.flush();
    }
}
