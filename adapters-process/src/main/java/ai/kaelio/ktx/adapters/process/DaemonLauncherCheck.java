package ai.kaelio.ktx.adapters.process;

import ai.kaelio.ktx.application.port.out.EnvironmentProvisioner;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.Platform;
import ai.kaelio.ktx.domain.RuntimeRoots;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An environment is only worth committing if its {@code ktx-daemon} starts, and pip can report success
 * for one that cannot. pip writes the launcher's first line as {@code #!<python>}, unless that path has a
 * space or the line would be longer than the kernel reads (127 bytes; 512 on macOS): then it writes
 * {@code #!/bin/sh} and {@code 'exec' "<python>" "$0" "$@"}. Inside those double quotes the shell expands a
 * {@code $} or a backquote, a backslash escapes, and a {@code "} ends the quote, so a runtime root such as
 * {@code /tmp/D sp $HOME} gives a launcher that looks for {@code /tmp/D sp /root/...}. (uv quotes the path in
 * single quotes; running the launcher catches whatever else goes wrong.)
 */
final class DaemonLauncherCheck {

    /** What the shell reads as syntax inside a double-quoted word. */
    private static final String SHELL_SPECIAL_IN_DOUBLE_QUOTES = "$`\\\"";
    private static final int SHEBANG_LIMIT = 127;
    private static final int SHEBANG_LIMIT_MACOS = 512;
    static final String FIX = "choose a runtime root without $, \", ` or \\ (set " + RuntimeRoots.RUNTIME_ROOT_VARIABLE + ")";

    private final Platform platform;
    private final CommandRunner runner;

    @Inject
    DaemonLauncherCheck(HostEnvironment host, CommandRunner runner) {
        this.platform = host.platform();
        this.runner = runner;
    }

    /** Before pip runs (no process, no file): why pip would write a launcher that cannot start here, if it would. */
    Optional<String> refusalBeforePip(EnvironmentLayout environment) {
        Path python = environment.pythonPath();
        Set<Character> special = shellSpecial(python);
        if (special.isEmpty() || !needsShellLauncher(python)) {
            return Optional.empty();
        }
        String why = python.toString().contains(" ") ? "has a space" : "is longer than a #! line may be";
        return Optional.of("Cannot install under " + environment.venvDir().getParent() + ": its path " + why
                + ", so pip's ktx-daemon launcher would start through /bin/sh, which reads the " + listed(special)
                + " in it as shell syntax; " + FIX + ".");
    }

    /**
     * Runs {@code ktx-daemon --version} from the new environment, as a logged install command (a few tens of
     * milliseconds). Empty when it runs; otherwise the outcome to report instead of success.
     */
    Optional<EnvironmentProvisioner.Outcome> verify(EnvironmentLayout environment, InstallLog log)
            throws InterruptedException {
        List<String> command = List.of(environment.daemonPath().toString(), "--version");
        CommandRunner.Logged ran = runner.runLogged(command, log);
        if (ran.succeeded()) {
            return Optional.empty();
        }
        Set<Character> special = shellSpecial(environment.pythonPath());
        if (!special.isEmpty() && needsShellLauncher(environment.pythonPath())) {
            String reason = "The ktx-daemon launcher " + environment.daemonPath() + " does not start: it starts"
                    + " through /bin/sh, which reads the " + listed(special) + " in its path as shell syntax; " + FIX + ".";
            log.note(reason);
            return Optional.of(new EnvironmentProvisioner.Refused(reason));
        }
        return Optional.of(new EnvironmentProvisioner.Failed(InstallLog.render(command), ran.tail()));
    }

    /** pip's (distlib's) rule for a {@code #!/bin/sh} launcher instead of a plain {@code #!<python>} line. */
    boolean needsShellLauncher(Path python) {
        if (platform == Platform.WINDOWS) {
            return false; // pip writes .exe launchers there: no shell involved.
        }
        String path = python.toString();
        int line = "#!".length() + path.getBytes(StandardCharsets.UTF_8).length + "\n".length();
        return path.contains(" ") || line > (platform == Platform.MACOS ? SHEBANG_LIMIT_MACOS : SHEBANG_LIMIT);
    }

    private static Set<Character> shellSpecial(Path path) {
        Set<Character> found = new LinkedHashSet<>();
        path.toString().chars().filter(c -> SHELL_SPECIAL_IN_DOUBLE_QUOTES.indexOf(c) >= 0)
                .forEach(c -> found.add((char) c));
        return found;
    }

    private static String listed(Set<Character> characters) {
        return characters.stream().map(String::valueOf).collect(Collectors.joining(" and "));
    }
}
