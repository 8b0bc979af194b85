package ai.kaelio.ktx.domain;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the operating system says about one running process. The start instant is what tells a process
 * from a later one that was given the same pid: a pid alone never identifies anything.
 *
 * @param command the executable and its arguments, as far as the system shows them (may be empty)
 */
public record ProcessSnapshot(long pid, Optional<Instant> startedAt, List<String> command, Optional<String> user) {

    private static final String DAEMON_SUBCOMMAND = "serve-http";

    public ProcessSnapshot {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(user, "user");
        command = List.copyOf(command);
    }

    /**
     * True for {@code ktx-daemon serve-http …}: an argument whose file name is the daemon's launcher,
     * directly followed by the subcommand. Started through the console script, the interpreter comes
     * first ({@code python …/bin/ktx-daemon serve-http}); that is matched too.
     */
    public boolean isKtxDaemon() {
        return launcher().isPresent();
    }

    /**
     * A {@code ktx-daemon serve-http} whose launcher lies inside {@code directory}: a daemon run from that
     * runtime (its environments live in the version directory). Judged from the command line, as ktx
     * wrote it when spawning, so it holds from the spawn on, before and after the launcher becomes the daemon.
     */
    public boolean isKtxDaemonLaunchedFrom(Path directory) {
        String inside = directory.toString() + directory.getFileSystem().getSeparator();
        return launcher().filter(launcher -> launcher.startsWith(inside)).isPresent();
    }

    private Optional<String> launcher() {
        for (int i = 0; i + 1 < command.size(); i++) {
            if (isDaemonLauncher(command.get(i)) && command.get(i + 1).equals(DAEMON_SUBCOMMAND)) {
                return Optional.of(command.get(i));
            }
        }
        return Optional.empty();
    }

    /** The same process, not merely the same pid: equal pid and equal, known start instant. */
    public boolean isSameProcessAs(ProcessSnapshot other) {
        return pid == other.pid && startedAt.isPresent() && startedAt.equals(other.startedAt);
    }

    /** By file name, cut at either separator: a Windows command line is judged the same on any host. */
    private static boolean isDaemonLauncher(String argument) {
        String name = argument.substring(Math.max(argument.lastIndexOf('/'), argument.lastIndexOf('\\')) + 1);
        return name.equals("ktx-daemon") || name.equals("ktx-daemon.exe") || name.equals("ktx-daemon-script.py");
    }
}
