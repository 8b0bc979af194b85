package ai.kaelio.ktx.adapters.cli.terminal;

import ai.kaelio.ktx.application.port.in.InstallObserver;
import ai.kaelio.ktx.domain.InstallStep;
import ai.kaelio.ktx.domain.LockHolder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Says on stderr that a command is installing the runtime it needs (and whom it waits for), so the pause
 * before the command runs is explained and stdout stays the command's alone.
 */
public final class InstallNotice implements InstallObserver {

    private final PrintWriter err;
    private final WaitNotice waits;

    public InstallNotice(PrintWriter err) {
        this.err = err;
        this.waits = new WaitNotice(err);
    }

    @Override
    public void waitingForLock(Path lockPath, Optional<LockHolder> holder) {
        waits.waitingForLock(lockPath, holder);
    }

    @Override
    public void stepStarted(InstallStep step) {
        if (step == InstallStep.CREATE_ENVIRONMENT) {
            err.println("Installing KTX Python runtime…");
            err.flush();
        }
    }
}
