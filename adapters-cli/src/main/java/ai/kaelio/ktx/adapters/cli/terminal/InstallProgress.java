package ai.kaelio.ktx.adapters.cli.terminal;

import java.io.PrintWriter;

/**
 * An install's progress on stderr, so long work never looks hung: live on a terminal (see
 * {@link LiveProgressOutput}); without one, one plain line per step; with {@code --json} nothing but the
 * lock notice, so scripts see only what they asked for.
 */
public final class InstallProgress {

    private InstallProgress() {
    }

    public static ProgressOutput forInstall(PrintWriter err, HostTerminal terminal, boolean json) {
        if (json) {
            return new ProgressOutput(err, false);
        }
        if (terminal.interactive()) {
            return new LiveProgressOutput(err, terminal.colour(), System::nanoTime).startTicking();
        }
        return new ProgressOutput(err, true);
    }
}
