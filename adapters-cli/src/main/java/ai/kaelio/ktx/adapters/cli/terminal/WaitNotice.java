package ai.kaelio.ktx.adapters.cli.terminal;

import ai.kaelio.ktx.application.port.in.InstallObserver;
import ai.kaelio.ktx.domain.LockHolder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Says on stderr whom an install waits for, so a queued command never looks hung. */
public final class WaitNotice implements InstallObserver {

    private final PrintWriter err;

    public WaitNotice(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void waitingForLock(Path lockPath, Optional<LockHolder> holder) {
        String who = holder
                .map(h -> "ktx process " + h.pid() + " (" + h.purpose() + " since "
                        + DateTimeFormatter.ISO_LOCAL_TIME.format(h.since().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)) + " UTC)")
                .orElse("another ktx process");
        err.println("Waiting for " + who + " to release " + lockPath + "…");
        err.flush();
    }
}
