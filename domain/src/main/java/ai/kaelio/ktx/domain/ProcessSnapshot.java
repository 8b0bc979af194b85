package ai.kaelio.ktx.domain;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the operating system says about one running process. Its start is what tells a process from a
 * later one that was given the same pid: a pid alone never identifies anything.
 *
 * <p>The start instant is wall-clock time, and on Linux the JDK derives it from the boot time each JVM reads
 * once when it starts. A wall clock set or stepped in between (NTP, a virtual machine resuming) makes two
 * ktx processes disagree about the same process by the size of the step. The kernel's own count does not
 * move with the clock, but a reader in another time namespace (a container with a boot-time offset, a
 * restored checkpoint) sees it shifted, while its instants still agree. So the start is the same when
 * either measure says so, and known to differ only when every measure both sides have differs.
 *
 * @param command     the executable and its arguments, as far as the system shows them (may be empty)
 * @param kernelStart the start in the kernel's own terms, where the system has them (Linux: the boot's id and
 *                    the clock ticks from boot to the process's start)
 */
public record ProcessSnapshot(long pid, Optional<Instant> startedAt, List<String> command, Optional<String> user,
        Optional<String> kernelStart) {

    private static final String DAEMON_SUBCOMMAND = "serve-http";

    public ProcessSnapshot {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(kernelStart, "kernelStart");
        command = List.copyOf(command);
    }

    /** Where the system keeps no start in its own terms. */
    public ProcessSnapshot(long pid, Optional<Instant> startedAt, List<String> command, Optional<String> user) {
        this(pid, startedAt, command, user, Optional.empty());
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

    /** The {@code ktx-daemon} launcher's path as its command line spells it, for a daemon; empty otherwise. */
    public Optional<String> daemonLauncher() {
        return launcher();
    }

    private Optional<String> launcher() {
        for (int i = 0; i + 1 < command.size(); i++) {
            if (isDaemonLauncher(command.get(i)) && command.get(i + 1).equals(DAEMON_SUBCOMMAND)) {
                return Optional.of(command.get(i));
            }
        }
        return Optional.empty();
    }

    /** The same process, not merely the same pid: equal pid and a start known to be the same. */
    public boolean isSameProcessAs(ProcessSnapshot other) {
        return pid == other.pid && other.startedAt.flatMap(instant -> sameStart(instant, other.kernelStart)).orElse(false);
    }

    /** Known to have started as recorded: by the kernel's count or by the instant. */
    public boolean startedAs(Instant instant, Optional<String> kernel) {
        return sameStart(instant, kernel).orElse(false);
    }

    /** Known to have started otherwise than recorded: then it is another process that was given the pid. */
    public boolean startedOtherwiseThan(Instant instant, Optional<String> kernel) {
        return sameStart(instant, kernel).map(same -> !same).orElse(false);
    }

    private Optional<Boolean> sameStart(Instant instant, Optional<String> kernel) {
        boolean kernelsKnown = kernelStart.isPresent() && kernel.isPresent();
        if (kernelsKnown && kernelStart.equals(kernel)) {
            return Optional.of(true);
        }
        if (startedAt.isPresent()) {
            return Optional.of(startedAt.get().equals(instant));
        }
        return kernelsKnown ? Optional.of(false) : Optional.empty();
    }

    /** By file name, cut at either separator: a Windows command line is judged the same on any host. */
    private static boolean isDaemonLauncher(String argument) {
        String name = argument.substring(Math.max(argument.lastIndexOf('/'), argument.lastIndexOf('\\')) + 1);
        return name.equals("ktx-daemon") || name.equals("ktx-daemon.exe") || name.equals("ktx-daemon-script.py");
    }
}
